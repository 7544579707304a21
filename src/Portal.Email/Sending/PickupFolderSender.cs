using Microsoft.Extensions.Options;
using MimeKit;

namespace Portal.Email.Sending;

/// <summary>
/// Development without a mail server: each message becomes "&lt;outbox id&gt;.eml" in the pickup folder.
/// Written to a temporary name first, so a reader never sees half a file; a retry overwrites.
/// </summary>
public sealed class PickupFolderSender(IOptions<SmtpOptions> smtp) : IMailSender
{
    public Task<IMailConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        var folder = smtp.Value.PickupFolder;
        Directory.CreateDirectory(folder);
        return Task.FromResult<IMailConnection>(new Folder(folder));
    }

    private sealed class Folder(string path) : IMailConnection
    {
        public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
        {
            // The Message-Id is "<outbox id>@<domain>", so a retry of the same row overwrites its file.
            var name = message.MessageId?.Split('@')[0] ?? Guid.NewGuid().ToString();
            var file = Path.Combine(path, $"{name}.eml");
            var partial = file + ".tmp";
            await message.WriteToAsync(partial, cancellationToken);
            File.Move(partial, file, overwrite: true);
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
