namespace Portal.Segmentation.Tool;

/// <summary>Options of the form <c>--name value</c> or <c>--flag</c>, and positional arguments.</summary>
internal sealed class Arguments
{
    private static readonly HashSet<string> Flags = ["quiet"];
    private readonly Dictionary<string, string> _options = new(StringComparer.Ordinal);
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);

    public List<string> Positional { get; } = [];

    public static Arguments Parse(string[] args)
    {
        var parsed = new Arguments();
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                parsed.Positional.Add(args[i]);
                continue;
            }

            var name = args[i][2..];
            if (Flags.Contains(name))
            {
                parsed._options[name] = "true";
            }
            else if (i + 1 < args.Length)
            {
                parsed._options[name] = args[++i];
            }
            else
            {
                throw new ArgumentException($"--{name} needs a value.");
            }
        }

        return parsed;
    }

    public string Required(string name) => Optional(name) ?? throw new ArgumentException($"--{name} is required.");

    public string? Optional(string name)
    {
        _used.Add(name);
        return _options.GetValueOrDefault(name);
    }

    public bool Flag(string name) => Optional(name) is not null;

    /// <summary>A value written on every output row: short, one line, and never something a spreadsheet would run.</summary>
    public string Text(string name)
    {
        var value = Optional(name) ?? string.Empty;
        if (value.Length > 50 || value.Any(char.IsControl) || (value.Length > 0 && value[0] is '=' or '+' or '-' or '@'))
        {
            throw new ArgumentException($"--{name} must be at most 50 characters on one line, not starting with =, +, - or @.");
        }

        return value;
    }

    public void ThrowIfUnused()
    {
        Flag("quiet");
        var unknown = _options.Keys.Where(k => !_used.Contains(k)).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"Unknown option(s): {string.Join(", ", unknown.Select(u => "--" + u))}.");
        }
    }
}
