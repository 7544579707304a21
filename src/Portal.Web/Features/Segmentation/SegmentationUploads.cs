using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Portal.Core.Segmentation;
using Portal.Data;
using Portal.Segmentation;
using Portal.Segmentation.Disclosure;
using Portal.Segmentation.Output;
using Portal.Segmentation.PatientLevel;

namespace Portal.Web.Features.Segmentation;

/// <summary>
/// Receives an upload by reading the multipart body section by section, never buffering it: the
/// file is parsed while it arrives. An aggregated output is checked (and never re-rounded); a
/// patient-level file, where allowed, goes through the same computation as the tool and only its
/// protected output is kept. Nothing about the file's rows is logged; a refused upload stores nothing.
/// </summary>
public sealed class SegmentationUploads(PortalDbContext db, TimeProvider clock, IOptions<SegmentationOptions> options, IAntiforgery antiforgery)
{
    private const int MaxFieldLength = 25_000;
    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    public bool PatientLevelAllowed => options.Value.AllowPatientLevelUpload;

    /// <param name="expectedKind">The kind the page's form is for; null for the API, which reads the kind field or the file itself.</param>
    /// <param name="validateAntiforgery">Pages: the token must be the first field, so it is checked before the file is read.</param>
    public async Task<UploadOutcome> ReceiveAsync(HttpContext http, string? expectedKind, bool validateAntiforgery, string userId, CancellationToken cancellationToken)
    {
        var outcome = new UploadOutcome();
        var request = http.Request;
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType)
            || !contentType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(contentType.Boundary).Value is not { Length: > 0 } boundary)
        {
            outcome.FieldErrors["file"] = "Send the upload as multipart/form-data.";
            return outcome;
        }

        var limit = expectedKind == UploadFields.PatientLevelKind || (expectedKind is null && PatientLevelAllowed)
            ? SegmentationOptions.PatientLevelMaxBytes : SegmentationOptions.AggregatedMaxBytes;
        // The endpoint's [RequestSizeLimit] is the most it could take; narrow it to what this upload may be.
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeLimit && (sizeLimit.MaxRequestBodySize ?? long.MaxValue) > limit)
        {
            sizeLimit.MaxRequestBodySize = limit;
        }

        if (request.ContentLength > limit)
        {
            outcome.TooLarge = TooLargeMessage(limit);
            return outcome;
        }

        ProtectedOutput? output = null;
        string? fileKind = null;
        var reader = new MultipartReader(boundary, request.Body) { HeadersLengthLimit = 16 * 1024 };
        var antiforgeryChecked = !validateAntiforgery;
        try
        {
            for (var section = await reader.ReadNextSectionAsync(cancellationToken); section is not null; section = await reader.ReadNextSectionAsync(cancellationToken))
            {
                // IsFormDisposition() means a field without a file name; a file part is form-data too.
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                    || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? string.Empty;
                if (!antiforgeryChecked)
                {
                    if (name != "__RequestVerificationToken" || !await TokenIsValidAsync(http, await ReadFieldAsync(section, cancellationToken)))
                    {
                        outcome.Forged = true;
                        return outcome;
                    }

                    antiforgeryChecked = true;
                    continue;
                }

                if (disposition.IsFileDisposition() || name == "file")
                {
                    if (output is not null || fileKind is not null)
                    {
                        outcome.FieldErrors["file"] = "Send one file.";
                        return outcome;
                    }

                    // A browser sends an empty part with no file name when no file was chosen.
                    if (disposition.FileName.HasValue && HeaderUtilities.RemoveQuotes(disposition.FileName).Length == 0)
                    {
                        await section.Body.DrainAsync(cancellationToken);
                        continue;
                    }

                    (output, fileKind) = await ReadFileAsync(section.Body, expectedKind ?? Kind(outcome.Fields.Kind), request.ContentLength, outcome, cancellationToken);
                    if (outcome.FieldErrors.ContainsKey("file") && outcome.FileErrors.Count == 0 && output is null)
                    {
                        return outcome; // refused before reading it: not allowed here
                    }

                    continue;
                }

                var value = await ReadFieldAsync(section, cancellationToken);
                switch (name)
                {
                    case "title": outcome.Fields.Title = value; break;
                    case "geographyCode": outcome.Fields.GeographyCode = value; break;
                    case "period": outcome.Fields.Period = value; break;
                    case "narrative": outcome.Fields.Narrative = value; break;
                    case "kind": outcome.Fields.Kind = value; break;
                    case "workStreams":
                        if (Guid.TryParse(value, out var workStream))
                        {
                            outcome.Fields.WorkStreams.Add(workStream);
                        }
                        else
                        {
                            outcome.FieldErrors["workStreams"] = "Choose work streams from the list.";
                        }

                        break;
                    case "summaries":
                        if (Guid.TryParse(value, out var summary))
                        {
                            outcome.Fields.Summaries.Add(summary);
                        }
                        else
                        {
                            outcome.FieldErrors["summaries"] = "Give search summaries by their ids.";
                        }

                        break;
                }
            }
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            outcome.TooLarge = TooLargeMessage(limit);
            return outcome;
        }
        catch (UploadTooLargeException ex)
        {
            outcome.TooLarge = ex.Message;
            return outcome;
        }
        catch (InvalidDataException)
        {
            outcome.FieldErrors["file"] = "The upload is not valid multipart/form-data.";
            return outcome;
        }

        if (!antiforgeryChecked)
        {
            outcome.Forged = true;
            return outcome;
        }

        await CheckFieldsAsync(outcome, fileKind, expectedKind, cancellationToken);
        if (output is null && !outcome.FieldErrors.ContainsKey("file"))
        {
            outcome.FieldErrors["file"] = outcome.FileErrors.Count > 0 ? $"The file has {(outcome.MoreFileErrors ? "at least " : string.Empty)}{outcome.FileErrors.Count} problem(s), listed below. Nothing was saved." : "Choose a file to upload.";
        }

        if (outcome.FieldErrors.Count > 0 || output is null)
        {
            return outcome;
        }

        var area = await db.GeoAreas.SingleAsync(a => a.Code == outcome.Fields.GeographyCode, cancellationToken);
        if (output.GeographyCode.Length > 0 && output.GeographyCode != area.Code)
        {
            outcome.FieldErrors["geographyCode"] = $"The file is for {output.GeographyCode}, not {area.Code}.";
            return outcome;
        }

        if (output.Period.Length > 0 && output.Period != outcome.Fields.Period!.Trim())
        {
            outcome.FieldErrors["period"] = $"The file is for the period {output.Period}, not {outcome.Fields.Period!.Trim()}.";
            return outcome;
        }

        var stored = output.For(area.Level.ToString(), area.Code, outcome.Fields.Period!.Trim());
        var kind = fileKind == UploadFields.PatientLevelKind ? SegmentationInputKind.PatientLevel : SegmentationInputKind.Aggregated;
        var entity = SegmentationOutputs.Create(outcome.Fields.Title!, area, outcome.Fields.Period!, outcome.Fields.Narrative ?? string.Empty, kind, stored, userId, clock.GetUtcNow());
        foreach (var workStream in outcome.Fields.WorkStreams.Distinct())
        {
            entity.LinkTo(workStream);
        }

        foreach (var summary in outcome.Fields.Summaries)
        {
            entity.LinkToSummary(summary);
        }

        db.SegmentationOutputs.Add(entity);
        await db.SaveChangesAsync(cancellationToken);
        outcome.Id = entity.Id;
        return outcome;
    }

    private async Task<(ProtectedOutput? Output, string? Kind)> ReadFileAsync(Stream body, string? declaredKind, long? uploadLength, UploadOutcome outcome, CancellationToken cancellationToken)
    {
        var buffered = new BufferedStream(body, 64 * 1024);
        var first = new byte[64];
        var peeked = await ReadAtMostAsync(buffered, first, cancellationToken);
        var head = Encoding.UTF8.GetString(first, 0, peeked).TrimStart('\uFEFF');
        var kind = head.StartsWith('#') ? UploadFields.AggregatedKind
            : head.StartsWith("person_token", StringComparison.Ordinal) ? UploadFields.PatientLevelKind
            : declaredKind ?? UploadFields.AggregatedKind;
        var whole = new PrefixedStream(first.AsMemory(0, peeked), buffered);

        if (kind == UploadFields.PatientLevelKind)
        {
            if (!PatientLevelAllowed)
            {
                outcome.FieldErrors["file"] = "This is a patient-level file. This portal does not accept patient-level data: run the stem-segment tool where the data lives and upload its output.";
                return (null, kind);
            }

            if (declaredKind == UploadFields.AggregatedKind)
            {
                outcome.FieldErrors["file"] = "This is a patient-level file, not the tool's aggregated output.";
                return (null, kind);
            }

            // Size the arrays once from the upload's length (about 120 bytes a person) rather than doubling them.
            var expected = (int)Math.Clamp((uploadLength ?? 0) / 110, 1024, 4_000_000);
            var read = await PatientLevelReader.ReadAsync(whole, new PatientLevelOptions { ExpectedPeople = expected }, cancellationToken);
            if (!read.Succeeded)
            {
                outcome.FileErrors.AddRange(read.Errors);
                outcome.MoreFileErrors = read.ErrorLimitReached;
                return (null, kind);
            }

            return (DisclosureControl.Protect(read.Result!, new OutputContext(GeneratedBy: "STEM Portal (patient-level upload)")), kind);
        }

        using var text = new StreamReader(new LimitedStream(whole, SegmentationOptions.AggregatedMaxBytes), Utf8, detectEncodingFromByteOrderMarks: false);
        var aggregated = await OutputReader.ReadAsync(text, InputErrors.DefaultLimit, cancellationToken);
        if (!aggregated.Succeeded)
        {
            outcome.FileErrors.AddRange(aggregated.Errors);
            return (null, kind);
        }

        return (aggregated.Output, kind);
    }

    private async Task CheckFieldsAsync(UploadOutcome outcome, string? fileKind, string? expectedKind, CancellationToken cancellationToken)
    {
        var fields = outcome.Fields;
        var errors = outcome.FieldErrors;
        if (string.IsNullOrWhiteSpace(fields.Title))
        {
            errors["title"] = "Enter a title";
        }
        else if (fields.Title.Trim().Length > SegmentationOutput.TitleMaxLength)
        {
            errors["title"] = $"Title must be {SegmentationOutput.TitleMaxLength} characters or fewer";
        }

        if (string.IsNullOrWhiteSpace(fields.GeographyCode))
        {
            errors["geographyCode"] = "Choose the area the output describes";
        }
        else if (!await db.GeoAreas.AnyAsync(a => a.Code == fields.GeographyCode, cancellationToken))
        {
            errors["geographyCode"] = "Choose an area from the list";
        }

        var period = fields.Period?.Trim();
        if (string.IsNullOrEmpty(period))
        {
            errors["period"] = "Enter the period the data covers, for example 2024-25";
        }
        else if (period.Length > SegmentationOutput.PeriodMaxLength || period[0] is '=' or '+' or '-' or '@' || period.Any(char.IsControl))
        {
            errors["period"] = $"Period must be {SegmentationOutput.PeriodMaxLength} characters or fewer on one line, for example 2024-25";
        }

        if ((fields.Narrative?.Length ?? 0) > SegmentationOutput.NarrativeMaxLength)
        {
            errors["narrative"] = $"Narrative must be {SegmentationOutput.NarrativeMaxLength:N0} characters or fewer";
        }

        if (fields.Kind is not null && Kind(fields.Kind) is null)
        {
            errors["kind"] = "Kind must be aggregated or patient-level";
        }
        else if (expectedKind is null && fields.Kind is not null && fileKind is not null && Kind(fields.Kind) != fileKind)
        {
            errors["kind"] = $"The file is {(fileKind == UploadFields.AggregatedKind ? "an aggregated output" : "a patient-level file")}, not {fields.Kind}";
        }

        var known = await db.WorkStreams.Where(w => fields.WorkStreams.Contains(w.Id)).Select(w => w.Id).ToListAsync(cancellationToken);
        if (known.Count != fields.WorkStreams.Distinct().Count())
        {
            errors["workStreams"] = "Choose work streams from the list.";
        }
    }

    private static string? Kind(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        UploadFields.AggregatedKind => UploadFields.AggregatedKind,
        UploadFields.PatientLevelKind or "patient_level" or "patientlevel" => UploadFields.PatientLevelKind,
        _ => null,
    };

    private async Task<bool> TokenIsValidAsync(HttpContext http, string token)
    {
        // The token arrives as the form's first field; handing it over as the header means the
        // antiforgery check never reads (and so never buffers) the rest of the body.
        http.Request.Headers["RequestVerificationToken"] = token;
        return await antiforgery.IsRequestValidAsync(http);
    }

    private static async Task<string> ReadFieldAsync(MultipartSection section, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(section.Body, Utf8, detectEncodingFromByteOrderMarks: false);
        var buffer = new char[MaxFieldLength + 1];
        var read = 0;
        int got;
        while (read < buffer.Length && (got = await reader.ReadAsync(buffer.AsMemory(read), cancellationToken)) > 0)
        {
            read += got;
        }

        if (read > MaxFieldLength)
        {
            throw new UploadTooLargeException($"A form field is longer than {MaxFieldLength:N0} characters.");
        }

        return new string(buffer, 0, read);
    }

    private static async Task<int> ReadAtMostAsync(Stream stream, byte[] buffer, CancellationToken cancellationToken)
    {
        var read = 0;
        int got;
        while (read < buffer.Length && (got = await stream.ReadAsync(buffer.AsMemory(read), cancellationToken)) > 0)
        {
            read += got;
        }

        return read;
    }

    public static string TooLargeMessage(long limit) =>
        limit >= SegmentationOptions.PatientLevelMaxBytes
            ? $"The upload is larger than {SegmentationOptions.Describe(limit)}, the most this portal accepts for a patient-level file."
            : $"The upload is larger than {SegmentationOptions.Describe(limit)}, the most an aggregated output can be. Is it the tool's output file?";
}
