namespace Portal.Core;

/// <summary>A rule of the domain was broken; the message says which, in words a user can read.</summary>
public sealed class DomainException(string message) : Exception(message);
