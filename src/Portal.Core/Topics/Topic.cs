using Portal.Core.Events;

namespace Portal.Core.Topics;

/// <summary>A subject in the topic tree (frailty, maternity and perinatal, ...).</summary>
public sealed class Topic : Entity
{
    private Topic()
    {
        Key = Name = string.Empty;
    }

    public Topic(string key, string name, Topic? parent)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        Key = key.Trim();
        Rename(name, parent);
        Name ??= string.Empty;
    }

    public int Id { get; private set; }

    /// <summary>A stable, lower-case, hyphenated key used by recipes and addresses.</summary>
    public string Key { get; private set; }

    public string Name { get; private set; }

    public int? ParentId { get; private set; }

    public Topic? Parent { get; private set; }

    public void Rename(string name, Topic? parent)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (parent is not null && parent.Key == Key)
        {
            throw new DomainException($"Topic {Key} cannot be its own parent.");
        }

        // A topic cannot move under one of its own descendants: the tree would become a loop.
        // (Ancestors are checked as far as they are loaded; callers moving topics load the tree.)
        for (var ancestor = parent?.Parent; ancestor is not null; ancestor = ancestor.Parent)
        {
            if (ancestor.Key == Key)
            {
                throw new DomainException($"Topic {Key} cannot move under {parent!.Key}, which is inside it.");
            }
        }

        Name = name.Trim();
        Parent = parent;
        ParentId = parent?.Id;
    }
}
