namespace Portal.Core;

/// <summary>
/// A rule of the domain was broken; the message says which, in words a user can read, and the
/// kind says how the endpoint answers.
/// </summary>
public sealed class DomainException(string message, RuleViolationKind kind = RuleViolationKind.Invalid) : Exception(message)
{
    public RuleViolationKind Kind { get; } = kind;
}

/// <summary>Why an action was refused.</summary>
public enum RuleViolationKind
{
    /// <summary>The value itself is wrong (422).</summary>
    Invalid = 0,

    /// <summary>The person is not the one the rule allows, e.g. only the requester withdraws (403).</summary>
    NotYours = 1,

    /// <summary>The thing is not in a state that allows it, e.g. submitting twice (409).</summary>
    WrongState = 2,
}
