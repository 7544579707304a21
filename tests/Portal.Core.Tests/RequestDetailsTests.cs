using Portal.Core.Requests;
using static Portal.Core.Tests.Requests;

namespace Portal.Core.Tests;

public class RequestDetailsTests
{
    private static IReadOnlyList<FieldError> Check(RequestDetails details) => details.Normalised().Check(Today, Turnaround);

    [Fact]
    public void Valid_details_have_no_errors()
    {
        Assert.Empty(Check(Details()));
    }

    [Theory]
    [InlineData("", "Enter the question you need evidence for")]
    [InlineData("   ", "Enter the question you need evidence for")]
    public void An_empty_question_is_asked_for(string question, string message)
    {
        var error = Assert.Single(Check(Details() with { Question = question }));

        Assert.Equal(new FieldError("Question", message), error);
    }

    [Fact]
    public void A_question_longer_than_one_or_two_sentences_is_refused()
    {
        var error = Assert.Single(Check(Details() with { Question = new string('q', 501) }));

        Assert.Equal("Question must be 500 characters or fewer: one or two sentences", error.Message);
        Assert.Empty(Check(Details() with { Question = new string('q', 500) }));
    }

    [Theory]
    [InlineData("DecisionForum", "Where the decision is made must be 200 characters or fewer")]
    [InlineData("Geography", "Geography must be 200 characters or fewer")]
    [InlineData("CareSettings", "Care settings must be 200 characters or fewer")]
    public void Short_texts_are_limited_to_200_characters(string field, string message)
    {
        var text = new string('x', 201);
        var details = field switch
        {
            "DecisionForum" => Details() with { DecisionForum = text },
            "Geography" => Details() with { Geography = text },
            _ => Details() with { CareSettings = text },
        };

        Assert.Equal(new FieldError(field, message), Assert.Single(Check(details)));
    }

    [Fact]
    public void Long_texts_and_framework_parts_are_limited_to_4000_characters()
    {
        var text = new string('x', 4001);
        var details = Details() with
        {
            NotWanted = text,
            KnownPapers = text,
            Framework = new QuestionFramework(QuestionFrameworkKind.Pico, Population: text),
        };

        var errors = Check(details);

        Assert.Equal(["NotWanted", "KnownPapers", "Population"], errors.Select(e => e.Field));
        Assert.Equal("What you do not want must be 4000 characters or fewer", errors[0].Message);
    }

    [Fact]
    public void A_deadline_in_the_past_is_refused()
    {
        var error = Assert.Single(Check(Details(deadlineInDays: -1)));

        Assert.Equal(new FieldError("Deadline", "Deadline must be today or in the future"), error);
    }

    [Theory]
    [InlineData(RequestOutput.ReadingList, 6, "A reading list usually takes at least 7 days. Give a reason for the shorter deadline, or choose a later one")]
    [InlineData(RequestOutput.EvidenceSummary, 13, "A evidence summary usually takes at least 14 days. Give a reason for the shorter deadline, or choose a later one")]
    [InlineData(RequestOutput.EvidenceBriefing, 20, "A evidence briefing usually takes at least 21 days. Give a reason for the shorter deadline, or choose a later one")]
    public void A_deadline_shorter_than_the_usual_turnaround_asks_for_a_reason(RequestOutput output, int days, string message)
    {
        var error = Assert.Single(Check(Details(days, output)));

        Assert.Equal(new FieldError("ShortDeadlineReason", message), error);
        Assert.Empty(Check(Details(days + 1, output)));
        Assert.Empty(Check(Details(days, output) with { ShortDeadlineReason = "The board meets next week" }));
    }

    [Fact]
    public void The_turnaround_is_configurable()
    {
        var slow = new TurnaroundRules(ReadingListDays: 10);

        Assert.Single(Details(9, RequestOutput.ReadingList).Check(Today, slow));
        Assert.Empty(Details(10, RequestOutput.ReadingList).Check(Today, slow));
        Assert.Equal(10, slow.DaysFor(RequestOutput.ReadingList));
    }

    [Fact]
    public void An_urgent_request_needs_a_reason()
    {
        var error = Assert.Single(Check(Details() with { Urgency = Urgency.Urgent }));

        Assert.Equal(new FieldError("UrgencyReason", "Say why the request is urgent"), error);
        Assert.Empty(Check(Details() with { Urgency = Urgency.Urgent, UrgencyReason = "Board brought forward" }));
    }

    [Fact]
    public void Evidence_years_must_be_sensible_and_in_order()
    {
        var errors = Check(Details() with { EvidenceFromYear = 1899, EvidenceToYear = Today.Year + 1 });
        var backwards = Assert.Single(Check(Details() with { EvidenceFromYear = 2020, EvidenceToYear = 2010 }));

        Assert.Equal(["EvidenceFromYear", "EvidenceToYear"], errors.Select(e => e.Field));
        Assert.Equal($"Year must be between 1900 and {Today.Year}", errors[0].Message);
        Assert.Equal(new FieldError("EvidenceToYear", "The end year must be the same as or after the start year"), backwards);
    }

    [Theory]
    [InlineData("Ann Lee", null, "OnBehalfOfRole")]
    [InlineData(null, "Matron", "OnBehalfOfName")]
    public void On_behalf_of_needs_both_a_name_and_a_role(string? name, string? role, string field)
    {
        var error = Assert.Single(Check(Details() with { OnBehalfOfName = name, OnBehalfOfRole = role }));

        Assert.Equal(new FieldError(field, "Give both the name and the role of the colleague you are asking for"), error);
    }

    [Fact]
    public void Unknown_outputs_and_frameworks_are_refused()
    {
        var errors = Check(Details() with { Output = (RequestOutput)9, Framework = new QuestionFramework((QuestionFrameworkKind)9) });

        Assert.Contains(new FieldError("Output", "Choose the output you want"), errors);
        Assert.Contains(new FieldError("Framework", "Choose a question framework, or none"), errors);
    }

    [Fact]
    public void Normalising_trims_texts_empties_blanks_and_keeps_only_the_chosen_frameworks_parts()
    {
        var details = Details() with
        {
            Question = "  Why?  ",
            Geography = "   ",
            UrgencyReason = "left over from urgent",
            Framework = new QuestionFramework(QuestionFrameworkKind.Spice, Population: "not a SPICE part", Setting: " Care homes ", Intervention: "Reviews"),
        };

        var normalised = details.Normalised();

        Assert.Equal("Why?", normalised.Question);
        Assert.Null(normalised.Geography);
        Assert.Null(normalised.UrgencyReason);
        Assert.Null(normalised.Framework.Population);
        Assert.Equal("Care homes", normalised.Framework.Setting);
        Assert.Equal("Reviews", normalised.Framework.Intervention);
    }

    [Fact]
    public void ChangesFrom_lists_each_changed_field_with_old_and_new_values_as_text()
    {
        var before = Details();
        var after = before with
        {
            Question = "A new question?",
            Output = RequestOutput.ReadingList,
            EvidenceTypes = EvidenceTypes.Trials | EvidenceTypes.GreyLiterature,
            EvidenceFromYear = 2015,
            DecisionDate = new DateOnly(2026, 5, 1),
        };

        var changes = after.ChangesFrom(before);

        Assert.Equal(
            [
                new FieldChange("Question", before.Question, "A new question?"),
                new FieldChange("DecisionDate", null, "2026-05-01"),
                new FieldChange("EvidenceFromYear", null, "2015"),
                new FieldChange("EvidenceTypes", "None", "Trials, GreyLiterature"),
                new FieldChange("Output", "EvidenceSummary", "ReadingList"),
            ],
            changes);
    }

    [Fact]
    public void ChangesFrom_shows_a_framework_change_and_nothing_for_equal_details()
    {
        var before = Details();
        var after = before with { Framework = QuestionFramework.Empty };

        var change = Assert.Single(after.ChangesFrom(before));

        Assert.Equal("Framework", change.Field);
        Assert.Contains("Pico", change.From, StringComparison.Ordinal);
        Assert.Null(change.To);
        Assert.Empty(before.ChangesFrom(before with { }));
    }
}
