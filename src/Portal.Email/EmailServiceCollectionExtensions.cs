using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MimeKit;
using Portal.Data;
using Portal.Email.Outbox;
using Portal.Email.Sending;
using Portal.Email.Templates;
using Portal.Email.Templates.Account;
using Portal.Email.Templates.Razor;
using Portal.Email.Unsubscribe;

namespace Portal.Email;

public static class EmailServiceCollectionExtensions
{
    /// <summary>
    /// The outbox dispatcher (a background service), the sender for Portal:Smtp (or the pickup
    /// folder when no host is set), the mail templates (Razor components in the theme), the
    /// unsubscribe tokens and the signal features call after saving a mail. Needs AddPortalData for
    /// the database, the data folder, the clock and mail links, and AddPortalDataProtection for keys
    /// every node shares (without it, Data Protection's local default is used).
    /// </summary>
    public static IServiceCollection AddPortalEmail(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SmtpOptions>()
            .Bind(configuration.GetSection("Portal:Smtp"))
            .PostConfigure<DataFolder>((smtp, data) => smtp.PickupFolder = Path.GetFullPath(smtp.PickupFolder, data.Path))
            .Validate(smtp => MailboxAddress.TryParse(smtp.From, out var from) && from.Domain.Length > 0,
                "Portal:Smtp:From must be one email address, e.g. \"STEM Portal <no-reply@example.org>\".")
            .Validate(smtp => smtp.Port is > 0 and <= 65535, "Portal:Smtp:Port must be between 1 and 65535.")
            .ValidateOnStart();
        services.AddOptions<OutboxOptions>()
            .Bind(configuration.GetSection("Portal:Email"))
            .Validate(o => o.MaxAttempts >= 1, "Portal:Email:MaxAttempts must be at least 1.")
            .Validate(o => o.PollSeconds >= 1, "Portal:Email:PollSeconds must be at least 1.")
            .Validate(o => o.TimeoutSeconds >= 1, "Portal:Email:TimeoutSeconds must be at least 1.")
            .Validate(o => o.BatchSize >= 1, "Portal:Email:BatchSize must be at least 1.")
            .ValidateOnStart();

        services.AddDataProtection();
        services.AddSingleton<UnsubscribeTokens>();
        services.AddSingleton<ThemeMailComponents>();
        services.AddSingleton<MailRenderer>();
        services.AddSingleton<IEmailTemplate, ConfirmEmailTemplate>();
        services.AddSingleton<IEmailTemplate, ResetPasswordTemplate>();
        services.AddSingleton<IEmailTemplate, AccountAwaitingApprovalTemplate>();
        services.AddSingleton<IEmailTemplate, AccountApprovedTemplate>();
        services.AddSingleton<IEmailTemplate, PasswordChangedTemplate>();
        services.AddSingleton<IEmailTemplate, TwoFactorChangedTemplate>();
        services.AddSingleton<IEmailTemplate, Templates.Notifications.NotificationTemplate>();
        services.AddSingleton<IEmailTemplate, Templates.Digest.WeeklyDigestTemplate>();
        services.AddSingleton<EmailTemplates>();
        services.AddSingleton<MailComposer>();

        services.AddSingleton<IMailSender>(sp => sp.GetRequiredService<IOptions<SmtpOptions>>().Value.UsesPickupFolder
            ? ActivatorUtilities.CreateInstance<PickupFolderSender>(sp)
            : ActivatorUtilities.CreateInstance<SmtpMailSender>(sp));
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<Portal.Data.SaveHook.IOutboxObserver>(sp => sp.GetRequiredService<OutboxSignal>());
        services.AddSingleton<OutboxDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());
        return services;
    }
}
