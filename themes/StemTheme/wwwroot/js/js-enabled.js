// Lets NHS.UK frontend style components for JavaScript only when it runs; pages work without it.
document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' nhsuk-frontend-supported' : '');
