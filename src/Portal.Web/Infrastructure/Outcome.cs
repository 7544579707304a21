using Portal.Core;

namespace Portal.Web.Infrastructure;

/// <summary>How a use case ended, for a page or an API endpoint to turn into its own answer.</summary>
public enum OutcomeKind
{
    Done,

    /// <summary>The input is wrong: field errors, or a rule of the domain about values (422 on pages, 400 in the API).</summary>
    Invalid,

    /// <summary>There is nothing there that this person may see (404).</summary>
    NotFound,

    /// <summary>It is there, but not this person's to change (403).</summary>
    Forbidden,

    /// <summary>It is not in a state that allows this, or someone changed it first (409).</summary>
    Conflict,
}

/// <summary>A use case's result: the value when done, otherwise why not.</summary>
public sealed record Outcome<T>(OutcomeKind Kind, T? Value, string? Message, IReadOnlyList<FieldProblem> Errors)
    where T : class
{
    public bool IsDone => Kind == OutcomeKind.Done;
}

/// <summary>Ways to make an <see cref="Outcome{T}"/>.</summary>
public static class Outcome
{
    public static Outcome<T> Done<T>(T value)
        where T : class => new(OutcomeKind.Done, value, null, []);

    public static Outcome<T> Invalid<T>(IReadOnlyList<FieldProblem> errors)
        where T : class => new(OutcomeKind.Invalid, null, errors.Count > 0 ? errors[0].Message : null, errors);

    public static Outcome<T> NotFound<T>()
        where T : class => new(OutcomeKind.NotFound, null, null, []);

    public static Outcome<T> Forbidden<T>(string message)
        where T : class => new(OutcomeKind.Forbidden, null, message, []);

    public static Outcome<T> Refused<T>(DomainException refusal)
        where T : class => refusal.Kind switch
    {
        RuleViolationKind.NotYours => new(OutcomeKind.Forbidden, null, refusal.Message, []),
        RuleViolationKind.WrongState => new(OutcomeKind.Conflict, null, refusal.Message, []),
        _ => new(OutcomeKind.Invalid, null, refusal.Message, [new FieldProblem(string.Empty, refusal.Message)]),
    };

    public static Outcome<T> Overtaken<T>()
        where T : class => new(OutcomeKind.Conflict, null, "Someone else changed this at the same time. Reload the page to see their change, then try again.", []);
}

/// <summary>One problem with one field, named as the form names it (e.g. "Pico.Population"); empty for the whole form.</summary>
public sealed record FieldProblem(string Field, string Message);

public static class OutcomeHttpExtensions
{
    /// <summary>The API's answer for a use case that did not get done: ProblemDetails, with camelCase field names.</summary>
    public static IResult ToProblem<T>(this Outcome<T> outcome)
        where T : class => outcome.Kind switch
    {
        OutcomeKind.Invalid when outcome.Errors.Any(e => e.Field.Length > 0) => Results.ValidationProblem(
            outcome.Errors.GroupBy(e => CamelCase(e.Field)).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray())),
        OutcomeKind.Invalid => Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: outcome.Message),
        OutcomeKind.NotFound => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found."),
        OutcomeKind.Forbidden => Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: outcome.Message),
        OutcomeKind.Conflict => Results.Problem(statusCode: StatusCodes.Status409Conflict, title: outcome.Message),
        _ => throw new InvalidOperationException("A use case that was done has no problem."),
    };

    /// <summary>"Pico.ClientGroup" → "pico.clientGroup".</summary>
    public static string CamelCase(string field) =>
        string.Join('.', field.Split('.').Select(part => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(part)));
}
