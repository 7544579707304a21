using System.Text;
using Portal.Segmentation.PatientLevel;
using static Portal.Segmentation.Tests.PatientFiles;

namespace Portal.Segmentation.Tests;

/// <summary>Each kind of bad patient-level input is refused as a whole, with its row and column named.</summary>
public sealed class BadInputTests
{
    [Fact]
    public async Task A_valid_file_is_accepted()
    {
        var outcome = await ReadAsync(File(Row()));

        Assert.True(outcome.Succeeded, string.Join("\n", outcome.Errors));
        Assert.Equal(41, outcome.Result!.People);
    }

    [Fact]
    public async Task A_missing_column_is_named()
    {
        var header = Header.Replace(",cost_ae", string.Empty, StringComparison.Ordinal);

        var outcome = await ReadAsync(WithHeader(header));

        Assert.False(outcome.Succeeded);
        Assert.Contains(outcome.Errors, e => e.Row == 1 && e.Column == "cost_ae" && e.Message.Contains("missing", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_extra_column_is_named()
    {
        var outcome = await ReadAsync(WithHeader(Header + ",nhs_number"));

        Assert.Contains(outcome.Errors, e => e.Row == 1 && e.Column == "nhs_number" && e.Message.Contains("not expected", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Columns_in_the_wrong_order_are_refused()
    {
        var header = Header.Replace("age_years,sex", "sex,age_years", StringComparison.Ordinal);

        var outcome = await ReadAsync(WithHeader(header));

        Assert.Contains(outcome.Errors, e => e.Row == 1 && e.Column == "sex" && e.Message.Contains("column 2 must be age_years", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_row_with_too_few_fields_is_refused()
    {
        var error = Single(await ReadAsync(File("p1,70,F,3")));

        Assert.Equal(2, error.Row);
        Assert.Contains("has 4 fields", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("age_years", "seventy")]
    [InlineData("ltc_count", "2.5")]
    [InlineData("risk_score", "high")]
    [InlineData("cost_ae", "£180")]
    [InlineData("died_in_period", "yes")]
    [InlineData("frailty_band", "very severe")]
    [InlineData("sex", "female")]
    public async Task A_value_of_the_wrong_type_names_its_row_and_column(string column, string value)
    {
        var row = Row().Split(',');
        row[IndexOf(column)] = value;

        var error = Single(await ReadAsync(File(Row(token: "first"), string.Join(",", row))));

        Assert.Equal(3, error.Row);
        Assert.Equal(column, error.Column);
        Assert.Contains(value, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_negative_cost_is_refused()
    {
        var error = Single(await ReadAsync(File(Row(socialCare: "-120.00"))));

        Assert.Equal((2L, "cost_social_care"), (error.Row!.Value, error.Column!));
        Assert.Contains("negative", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("11")]
    public async Task An_imd_decile_outside_1_to_10_is_refused(string imd)
    {
        var error = Single(await ReadAsync(File(Row(imd: imd))));

        Assert.Equal((2L, "imd_decile"), (error.Row!.Value, error.Column!));
        Assert.Contains("from 1 (most deprived) to 10", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("121")]
    [InlineData("-1")]
    public async Task An_age_outside_0_to_120_is_refused(string age)
    {
        var error = Single(await ReadAsync(File(Row(age: age))));

        Assert.Equal((2L, "age_years"), (error.Row!.Value, error.Column!));
        Assert.Contains("from 0 to 120", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_repeated_person_token_is_refused_at_its_second_row()
    {
        var error = Single(await ReadAsync(File(Row(token: "a1"), Row(token: "b2"), Row(token: "a1"))));

        Assert.Equal((4L, "person_token"), (error.Row!.Value, error.Column!));
        Assert.Contains("earlier row", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Tokens_whose_first_hashes_collide_are_told_apart_by_the_second()
    {
        // Keep only 4 bits of the first hash: almost every token collides with another.
        var tokens = new TokenSet(16, primaryMask: 0xF000_0000_0000_0000);
        var distinct = Enumerable.Range(0, 2000).Select(i => $"token-{i}").ToList();

        var firstTime = distinct.Select(t => tokens.Add(t)).ToList();
        var secondTime = distinct.Select(t => tokens.Add(t)).ToList();

        Assert.All(firstTime, Assert.True);
        Assert.All(secondTime, Assert.False);
        Assert.Equal(2000, tokens.Count);
    }

    [Fact]
    public async Task A_byte_order_mark_is_refused()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(File(Row()))).ToArray();

        var error = Single(await ReadAsync(bytes));

        Assert.Equal((1L, "1"), (error.Row!.Value, error.Column!));
        Assert.Contains("byte-order mark", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Windows_1252_file_is_refused_at_the_row_and_column_of_its_first_non_UTF8_byte()
    {
        var text = File(Row(token: "first"), Row(token: "Ren\u00e9e-7"));
        var bytes = Encoding.Latin1.GetBytes(text); // é is 0xE9, as Windows-1252 writes it

        var error = Single(await ReadAsync(bytes));

        Assert.Equal((3L, "person_token"), (error.Row!.Value, error.Column!));
        Assert.Contains("Windows-1252", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("=HYPERLINK(\"x\")")]
    [InlineData("+441234")]
    [InlineData("-2+3")]
    [InlineData("@SUM(A1)")]
    public async Task A_formula_in_a_text_cell_is_refused(string token)
    {
        var field = token.Contains(',', StringComparison.Ordinal) || token.Contains('"', StringComparison.Ordinal) ? "\"" + token.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : token;

        var error = Single(await ReadAsync(File(Row(token: field))));

        Assert.Equal((2L, "person_token"), (error.Row!.Value, error.Column!));
        Assert.Contains("formula", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_formula_in_a_coded_cell_is_named_as_a_formula()
    {
        var error = Single(await ReadAsync(File(Row(frailty: "=severe"))));

        Assert.Equal("frailty_band", error.Column);
        Assert.Contains("formula", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_cost_for_a_linked_source_and_a_cost_for_an_unlinked_one_are_refused()
    {
        var outcome = await ReadAsync(File(Row(community: ""), Row(token: "p2", socialCare: "900", sources: "acute;primary;community;mental_health")));

        Assert.Collection(outcome.Errors,
            e => Assert.Equal((2L, "cost_community"), (e.Row!.Value, e.Column!)),
            e => Assert.Equal((3L, "cost_social_care"), (e.Row!.Value, e.Column!)));
    }

    [Fact]
    public async Task An_unknown_source_is_refused()
    {
        var error = Single(await ReadAsync(File(Row(sources: "acute;primary;dentistry;community;mental_health;social_care"))));

        Assert.Equal("sources_linked", error.Column);
    }

    [Fact]
    public async Task Errors_are_collected_up_to_the_limit_and_then_reading_stops()
    {
        var rows = Enumerable.Range(0, 300).Select(i => Row(token: $"t{i}", age: "200")).ToArray();

        var outcome = await ReadAsync(File(rows), new PatientLevelOptions { ErrorLimit = 25 });

        Assert.Equal(25, outcome.Errors.Count);
        Assert.True(outcome.ErrorLimitReached);
        Assert.Equal(Enumerable.Range(2, 25).Select(i => (long?)i), outcome.Errors.Select(e => e.Row));
    }

    [Fact]
    public async Task One_bad_row_among_good_ones_fails_the_whole_file()
    {
        var rows = Enumerable.Range(0, 500).Select(i => Row(token: $"t{i}")).Append(Row(token: "last", imd: "12")).ToArray();

        var outcome = await ReadAsync(File(rows));

        Assert.Null(outcome.Result);
        Assert.Equal(502, Assert.Single(outcome.Errors).Row);
    }

    [Fact]
    public async Task Too_few_people_with_acute_and_primary_care_linked_refuses_the_input()
    {
        var unlinked = Enumerable.Range(0, 3).Select(i => Row(token: $"u{i}", elective: "", nonElective: "", ae: "", outpatient: "", sources: "primary;community;mental_health;social_care")).ToArray();

        var error = Single(await ReadAsync(File(unlinked)));

        Assert.Equal("sources_linked", error.Column);
        Assert.Contains("93.0%", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Too_few_people_with_community_and_social_care_linked_marks_the_output_partial()
    {
        var unlinked = Enumerable.Range(0, 3).Select(i => Row(token: $"u{i}", socialCare: "", sources: "acute;primary;community;mental_health")).ToArray();

        var outcome = await ReadAsync(File(unlinked));

        Assert.True(outcome.Result!.Partial);
        Assert.False((await ReadAsync(File(unlinked[..2]))).Result!.Partial);
    }

    [Fact]
    public async Task An_empty_file_and_a_header_alone_are_refused()
    {
        Assert.Contains("empty", Single(await ReadAsync(string.Empty)).Message, StringComparison.Ordinal);
        Assert.Contains("no people", Single(await ReadAsync(Header + "\n")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Windows_line_endings_and_quoted_fields_are_read_as_usual()
    {
        var text = File(Row(token: "\"p,1\""), Row(token: "p2")).Replace("\n", "\r\n", StringComparison.Ordinal);

        var outcome = await ReadAsync(text);

        Assert.True(outcome.Succeeded, string.Join("\n", outcome.Errors));
        Assert.Equal(42, outcome.Result!.People);
    }

    [Fact]
    public async Task A_quoted_field_that_is_never_closed_is_refused()
    {
        var outcome = await ReadAsync(Header + "\n" + Row(token: "ok") + "\n" + Row(token: "\"never closed") + "\n");

        Assert.False(outcome.Succeeded);
        Assert.Contains(outcome.Errors, e => e.Row == 3);
    }

    private static int IndexOf(string column) => PatientColumns.Names.ToList().IndexOf(column);
}
