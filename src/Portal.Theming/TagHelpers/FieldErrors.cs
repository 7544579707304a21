using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Portal.Theming.TagHelpers;

/// <summary>The first error recorded for a field, which NHS.UK frontend shows beside it and in the summary.</summary>
internal static class FieldErrors
{
    public static string? For(ModelStateDictionary modelState, string name) =>
        modelState.TryGetValue(name, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    /// <summary>The element id for a field name: dots and brackets are not safe in a fragment.</summary>
    public static string IdFor(string name) => name.Replace('.', '_').Replace('[', '_').Replace(']', '_');
}
