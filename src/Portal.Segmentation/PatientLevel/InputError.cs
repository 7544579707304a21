namespace Portal.Segmentation;

/// <summary>
/// A problem with an input file, naming where it is: the row (the header is row 1, as in a
/// spreadsheet) and the column. Row or column is null when the problem is with the whole file.
/// </summary>
public sealed record InputError(long? Row, string? Column, string Message)
{
    public override string ToString() => (Row, Column) switch
    {
        (null, null) => Message,
        (null, { } column) => $"column {column}: {Message}",
        ({ } row, null) => $"row {row}: {Message}",
        ({ } row, { } column) => $"row {row}, column {column}: {Message}",
    };
}

/// <summary>Errors collected while reading, up to a limit; past it, reading stops.</summary>
public sealed class InputErrors(int limit = InputErrors.DefaultLimit)
{
    public const int DefaultLimit = 100;

    private readonly List<InputError> _errors = [];

    public IReadOnlyList<InputError> Items => _errors;

    public int Count => _errors.Count;

    public bool Any => _errors.Count > 0;

    /// <summary>True once the limit is reached: the reader stops and says there may be more.</summary>
    public bool LimitReached => _errors.Count >= limit;

    public void Add(long? row, string? column, string message)
    {
        if (_errors.Count < limit)
        {
            _errors.Add(new InputError(row, column, message));
        }
    }
}
