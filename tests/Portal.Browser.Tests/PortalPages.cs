using Microsoft.Playwright;
using Portal.Testing;

namespace Portal.Browser.Tests;

/// <summary>Steps a person takes in the portal, written once for the tests that need them.</summary>
public static class PortalPages
{
    public static async Task SignInAsync(this IPage page, string email, string password)
    {
        await page.GotoAsync("/account/sign-in");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForLoadStateAsync();
    }

    /// <summary>
    /// Signs in and answers whatever two-factor step follows: a code from the remembered key, or,
    /// for an administrator or coordinator who has not enrolled yet, enrolment first.
    /// </summary>
    public static async Task SignInWithTwoFactorAsync(this IPage page, string email, string password)
    {
        await page.SignInAsync(email, password);
        var path = new Uri(page.Url).AbsolutePath;
        if (path == "/account/sign-in/code")
        {
            await page.EnterCodeAsync(AuthenticatorKeys.For(new Uri(page.Url), email));
        }
        else if (path == "/account/two-factor/enable")
        {
            await page.EnrolInTwoFactorAsync(email);
            await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
            await page.WaitForLoadStateAsync();
        }
    }

    public static Task SignInAsAdministratorAsync(this IPage page) => page.SignInWithTwoFactorAsync(TestSite.AdminEmail, TestSite.AdminPassword);

    /// <summary>On the enrolment page: reads the key, types the code an app would show, and stops on the recovery codes page.</summary>
    public static async Task<string> EnrolInTwoFactorAsync(this IPage page, string email)
    {
        var key = (await page.Locator("#shared-key").TextContentAsync())!.Trim();
        await page.GetByLabel("Security code").FillAsync(Totp.Code(key));
        await page.GetByRole(AriaRole.Button, new() { Name = "Turn on two-factor authentication" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Two-factor authentication is on" })).ToBeVisibleAsync();
        AuthenticatorKeys.Remember(new Uri(page.Url), email, key);
        return key;
    }

    public static async Task EnterCodeAsync(this IPage page, string key)
    {
        await page.GetByLabel("Security code").FillAsync(Totp.Code(key));
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await page.WaitForLoadStateAsync();
    }

    /// <summary>Administration pages are reached through the one "Administration" link in the menu.</summary>
    public static async Task OpenAdministrationPageAsync(this IPage page, string name)
    {
        await page.ClickMenuLinkAsync("Administration");
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = name, Exact = true }).ClickAsync();
    }

    /// <summary>Follows a link of the header's menu, opening "More" first when a narrow window folded it there, as NHS.UK headers do.</summary>
    public static async Task ClickMenuLinkAsync(this IPage page, string name)
    {
        var menu = page.GetByRole(AriaRole.Navigation, new() { Name = "Menu" });
        var link = menu.GetByRole(AriaRole.Link, new() { Name = name });
        var more = menu.GetByRole(AriaRole.Button, new() { Name = "More" });
        if (!await link.IsVisibleAsync() && await more.IsVisibleAsync())
        {
            await more.ClickAsync();
        }

        await link.ClickAsync();
    }
}
