using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Portal.Testing;

namespace Portal.Browser.Tests;

/// <summary>Registering, approval, passwords, profile, two-factor sign-in and the admin pages, in a real browser, each page checked by axe.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AccountJourneyTests(BrowserFixture browser, SetUpSiteFixture site) : IClassFixture<SetUpSiteFixture>
{
    private const string Password = "pebble lighthouse saffron";

    private async Task RegisterAsync(IPage page, string email, string name)
    {
        await page.GotoAsync("/account/register");
        await page.GetByLabel("Work email address").FillAsync(email);
        await page.GetByLabel("Your name").FillAsync(name);
        await page.GetByLabel("Organisation").FillAsync("Tyne Library Partnership");
        await page.GetByLabel("Integrated care system (optional)").SelectOptionAsync(new SelectOptionValue { Label = "NHS North East and North Cumbria ICB" });
        await page.GetByLabel("Create a password").FillAsync(Password);
        await page.GetByLabel("Enter the password again").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Check your email" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_colleague_registers_with_an_allow_listed_address_confirms_it_and_manages_their_account()
    {
        await using var context = await browser.NewContextAsync(site.Portal.BaseAddress);
        var page = await context.NewPageAsync();
        const string email = "nadia.khan@trust.nhs.uk";

        await page.GotoAsync("/account/sign-in");
        await page.GetByRole(AriaRole.Link, new() { Name = "Create an account" }).ClickAsync();
        await page.AssertNoViolationsAsync();
        await page.GetByLabel("Create a password").FillAsync("password1234");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        var summary = page.Locator(".nhsuk-error-summary");
        await Assertions.Expect(summary).ToContainTextAsync("Enter your email address");
        await Assertions.Expect(summary).ToContainTextAsync("This password is too common");
        await Assertions.Expect(page).ToHaveTitleAsync(new Regex("^Error: "));
        await page.AssertNoViolationsAsync();

        await RegisterAsync(page, email, "Nadia Khan");
        await page.AssertNoViolationsAsync();
        await page.GotoAsync(await site.Portal.LinkInLatestMailAsync("ConfirmEmail", email, "confirmUrl"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your email address is confirmed" })).ToBeVisibleAsync();
        await page.AssertNoViolationsAsync();

        await page.SignInAsync(email, Password);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Work streams" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = email }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your account", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Integrated care system (optional)")).ToHaveValueAsync(new Regex("^[0-9]+$"));
        await page.AssertNoViolationsAsync();
        await page.GetByLabel("Your name").FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save details" }).ClickAsync();
        await Assertions.Expect(page.Locator(".nhsuk-error-summary")).ToContainTextAsync("Enter your name");
        await page.AssertNoViolationsAsync();

        await page.GotoAsync("/account/change-password");
        await page.AssertNoViolationsAsync();
        await page.GotoAsync("/account/two-factor");
        await page.AssertNoViolationsAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Set up two-factor authentication" }).ClickAsync();
        await page.AssertNoViolationsAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out and do this later" }).ClickAsync();

        await page.GotoAsync("/account/forgot-password");
        await page.AssertNoViolationsAsync();
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send reset link" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Check your email" })).ToBeVisibleAsync();
        await page.AssertNoViolationsAsync();
        await page.GotoAsync(await site.Portal.LinkInLatestMailAsync("ResetPassword", email, "resetUrl"));
        await page.AssertNoViolationsAsync();
        await page.GetByLabel("New password", new() { Exact = true }).FillAsync("marble canyon tulip");
        await page.GetByLabel("Enter the new password again").FillAsync("marble canyon tulip");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save new password" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your password has been changed" })).ToBeVisibleAsync();
        await page.AssertNoViolationsAsync();
        await page.SignInAsync(email, "marble canyon tulip");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_coordinator_approves_a_registration_from_outside_the_allow_list()
    {
        await using var applicantContext = await browser.NewContextAsync(site.Portal.BaseAddress);
        var applicant = await applicantContext.NewPageAsync();
        const string email = "owen.price@example.com";
        await RegisterAsync(applicant, email, "Owen Price");
        await applicant.GotoAsync(await site.Portal.LinkInLatestMailAsync("ConfirmEmail", email, "confirmUrl"));
        await Assertions.Expect(applicant.GetByRole(AriaRole.Heading, new() { Name = "A coordinator will review your account" })).ToBeVisibleAsync();
        await applicant.AssertNoViolationsAsync();
        await applicant.SignInAsync(email, Password);
        await Assertions.Expect(applicant.Locator(".nhsuk-error-summary")).ToContainTextAsync("Enter a correct email address and password");

        await using var coordinatorContext = await browser.NewContextAsync(site.Portal.BaseAddress);
        var coordinator = await coordinatorContext.NewPageAsync();
        await coordinator.SignInAsync(TestSite.CoordinatorEmail, TestSite.DemoPassword);
        await Assertions.Expect(coordinator.GetByRole(AriaRole.Heading, new() { Name = "Set up two-factor authentication" })).ToBeVisibleAsync();
        await coordinator.AssertNoViolationsAsync();
        await coordinator.EnrolInTwoFactorAsync(TestSite.CoordinatorEmail);
        await coordinator.AssertNoViolationsAsync();
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

        await coordinator.OpenAdministrationPageAsync("Registrations");
        var card = coordinator.Locator(".nhsuk-card", new() { HasText = email });
        await Assertions.Expect(card).ToContainTextAsync("Tyne Library Partnership");
        await Assertions.Expect(card).ToContainTextAsync("NHS North East and North Cumbria ICB");
        await coordinator.AssertNoViolationsAsync();
        await card.GetByRole(AriaRole.Button, new() { Name = "Approve Owen Price" }).ClickAsync();
        await Assertions.Expect(coordinator.GetByText("Owen Price (owen.price@example.com) can now sign in.")).ToBeVisibleAsync();
        await coordinator.AssertNoViolationsAsync();

        await applicant.SignInAsync(email, Password);
        await Assertions.Expect(applicant.GetByRole(AriaRole.Heading, new() { Name = "Work streams" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task An_administrator_sets_up_two_factor_signs_in_with_a_code_and_uses_the_admin_pages()
    {
        await using var context = await browser.NewContextAsync(site.Portal.BaseAddress);
        var page = await context.NewPageAsync();

        await page.SignInAsync(TestSite.AdminEmail, TestSite.AdminPassword);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Set up two-factor authentication" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#authenticator-uri")).ToContainTextAsync("otpauth://totp/");
        await page.GetByLabel("Security code").FillAsync("000000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Turn on two-factor authentication" }).ClickAsync();
        await Assertions.Expect(page.Locator(".nhsuk-error-summary")).ToContainTextAsync("The code is not correct");
        await page.AssertNoViolationsAsync();
        var key = await page.EnrolInTwoFactorAsync(TestSite.AdminEmail);
        Assert.Matches("^([a-z2-7]{4} ){7}[a-z2-7]{4}$", key);
        await Assertions.Expect(page.Locator("#recovery-codes li")).ToHaveCountAsync(10);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

        await page.SignInAsync(TestSite.AdminEmail, TestSite.AdminPassword);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Enter the code from your authenticator app" })).ToBeVisibleAsync();
        await page.AssertNoViolationsAsync();
        await page.GetByLabel("Security code").FillAsync("12345");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Assertions.Expect(page.Locator(".nhsuk-error-summary")).ToContainTextAsync("Enter the 6-digit code");
        await page.AssertNoViolationsAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Use a recovery code instead" }).ClickAsync();
        await page.AssertNoViolationsAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Use a code from your authenticator app" }).ClickAsync();
        await page.EnterCodeAsync(key);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();

        await page.OpenAdministrationPageAsync("Users");
        await page.AssertNoViolationsAsync();
        await page.GetByLabel("Search by name or email address").FillAsync("lena");
        await page.Locator("#maincontent").GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Lena Hartley" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Librarian")).ToBeCheckedAsync();
        await page.AssertNoViolationsAsync();

        await page.OpenAdministrationPageAsync("Geography");
        await Assertions.Expect(page.Locator("#geography-tree")).ToContainTextAsync("NHS North East and North Cumbria ICB");
        await page.AssertNoViolationsAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add an area" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save area" }).ClickAsync();
        await Assertions.Expect(page.Locator(".nhsuk-error-summary")).ToContainTextAsync("Enter the area's name");
        await page.AssertNoViolationsAsync();

        await page.OpenAdministrationPageAsync("Topics");
        await page.AssertNoViolationsAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Falls prevention" }).ClickAsync();
        await page.GetByLabel("Name").FillAsync("Falls prevention and bone health");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save topic" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Falls prevention and bone health has been saved.")).ToBeVisibleAsync();
        await page.AssertNoViolationsAsync();

        await page.OpenAdministrationPageAsync("Registrations");
        await page.AssertNoViolationsAsync();
        await site.Portal.AddDeadLetterAsync("someone@example.org", "Mailbox unavailable");
        await page.OpenAdministrationPageAsync("Mail");
        await Assertions.Expect(page.Locator("#dead-letters")).ToContainTextAsync("Mailbox unavailable");
        await page.AssertNoViolationsAsync();
        await page.GotoAsync("/account/two-factor");
        await Assertions.Expect(page.Locator("#two-factor-status")).ToHaveTextAsync("On");
        await page.AssertNoViolationsAsync();
    }
}
