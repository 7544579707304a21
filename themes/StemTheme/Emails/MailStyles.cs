namespace StemTheme.Emails;

/// <summary>The NHS.UK colours and type as inline styles, which is all that mail clients reliably keep.</summary>
internal static class MailStyles
{
    private const string Font = "font-family:Arial,Helvetica,sans-serif";

    public const string Paragraph = $"color:#212b32;{Font};font-size:16px;line-height:1.5;margin:0 0 16px";

    public const string Heading = $"color:#212b32;{Font};font-size:19px;font-weight:bold;line-height:1.4;margin:24px 0 8px";

    public const string Small = $"color:#4c6272;{Font};font-size:14px;line-height:1.5;margin:0 0 8px";

    public const string Link = "color:#005eb8;text-decoration:underline";

    public const string Button = $"display:inline-block;background:#007f3b;color:#ffffff;{Font};font-size:16px;font-weight:bold;"
        + "padding:12px 16px;text-decoration:none;border-radius:4px;box-shadow:0 4px 0 #00401e";
}
