using System.Text;
using Portal.Segmentation;
using Portal.Segmentation.PatientLevel;

namespace Portal.Segmentation.Tests;

/// <summary>Small patient-level files written in the test, and reading them.</summary>
internal static class PatientFiles
{
    public static readonly string Header = string.Join(",", PatientColumns.Names);

    public const string AllSources = "acute;primary;community;mental_health;social_care";

    /// <summary>A valid row; named values replace the defaults.</summary>
    public static string Row(
        string token = "p0001", string age = "70", string sex = "F", string imd = "3", string ltc = "2", string frailty = "mild", string died = "0",
        string risk = "0.12", string elective = "0", string nonElective = "2500.50", string ae = "180", string outpatient = "140",
        string primaryCare = "250", string prescribing = "300.25", string community = "0", string mentalHealth = "0", string socialCare = "0",
        string sources = AllSources) =>
        string.Join(",", token, age, sex, imd, ltc, frailty, died, risk, elective, nonElective, ae, outpatient, primaryCare, prescribing, community, mentalHealth, socialCare, sources);

    /// <summary>Enough valid people around the rows under test that linkage thresholds are met.</summary>
    public static string File(params string[] rows) => WithHeader(Header, rows);

    public static string WithHeader(string header, params string[] rows)
    {
        var text = new StringBuilder(header).Append('\n');
        foreach (var row in rows)
        {
            text.Append(row).Append('\n');
        }

        for (var i = 0; i < 40; i++)
        {
            text.Append(Row(token: $"filler{i:000}", age: (20 + i).ToString(System.Globalization.CultureInfo.InvariantCulture))).Append('\n');
        }

        return text.ToString();
    }

    public static Task<ReadOutcome> ReadAsync(string text, PatientLevelOptions? options = null) =>
        ReadAsync(Encoding.UTF8.GetBytes(text), options);

    public static async Task<ReadOutcome> ReadAsync(byte[] bytes, PatientLevelOptions? options = null)
    {
        using var stream = new MemoryStream(bytes);
        return await PatientLevelReader.ReadAsync(stream, options ?? new PatientLevelOptions());
    }

    public static InputError Single(ReadOutcome outcome)
    {
        Assert.False(outcome.Succeeded, "the input was accepted");
        Assert.Null(outcome.Result);
        return Assert.Single(outcome.Errors);
    }
}
