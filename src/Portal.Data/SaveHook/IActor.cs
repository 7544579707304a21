namespace Portal.Data.SaveHook;

/// <summary>Who is making the change being saved: the signed-in user, or a named system process.</summary>
public interface IActor
{
    string Name { get; }
}

/// <summary>The actor for work nobody clicked: start-up, recipes, background workers.</summary>
public sealed class SystemActor(string name) : IActor
{
    public static SystemActor Default { get; } = new("system");

    public string Name { get; } = name;
}
