using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Portal.Recipes;

/// <summary>Parses the recipe envelope and substitutes its variables into the steps.</summary>
public static partial class RecipeReader
{
    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
    };

    public static Recipe Parse(string json, string source)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: DocumentOptions);
        }
        catch (JsonException ex)
        {
            throw new RecipeException($"Recipe '{source}' is not valid JSON (line {ex.LineNumber + 1}): {ex.Message}", ex);
        }

        if (root is not JsonObject envelope)
        {
            throw new RecipeException($"Recipe '{source}' must be a JSON object.");
        }

        var name = envelope["name"]?.GetValueKind() == JsonValueKind.String ? envelope["name"]!.GetValue<string>() : null;
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new RecipeException($"Recipe '{source}' has no \"name\".");
        }

        if (envelope["steps"] is not JsonArray steps)
        {
            throw new RecipeException($"Recipe '{name}' has no \"steps\" array.");
        }

        var variables = ReadVariables(envelope["variables"], name);
        var parsed = new List<RecipeStep>(steps.Count);
        for (var i = 0; i < steps.Count; i++)
        {
            var number = i + 1;
            if (steps[i] is not JsonObject step
                || step["name"]?.GetValueKind() != JsonValueKind.String
                || string.IsNullOrWhiteSpace(step["name"]!.GetValue<string>()))
            {
                throw new RecipeException($"Step {number} of recipe '{name}' has no \"name\".");
            }

            var substituted = Substitute(step, variables, name, number);
            parsed.Add(new RecipeStep(name, number, step["name"]!.GetValue<string>(), JsonSerializer.SerializeToElement(substituted)));
        }

        return new Recipe(
            name,
            Text(envelope, "displayName") ?? name,
            Text(envelope, "description") ?? string.Empty,
            envelope["issetuprecipe"]?.GetValueKind() == JsonValueKind.True,
            parsed);
    }

    private static string? Text(JsonObject envelope, string property) =>
        envelope[property]?.GetValueKind() == JsonValueKind.String ? envelope[property]!.GetValue<string>() : null;

    private static Dictionary<string, string> ReadVariables(JsonNode? node, string recipe)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        if (node is null)
        {
            return variables;
        }

        if (node is not JsonObject map)
        {
            throw new RecipeException($"Recipe '{recipe}': \"variables\" must be an object.");
        }

        foreach (var (key, value) in map)
        {
            // Orchard evaluates script in variables; here they are literal values, never code.
            variables[key] = value?.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value?.ToJsonString() ?? string.Empty;
        }

        return variables;
    }

    // Orchard's syntax for a variable inside a string: [js: variables('name')]
    [GeneratedRegex(@"\[js:\s*variables\('(?<name>[^']+)'\)\s*\]")]
    private static partial Regex VariableReference();

    private static JsonNode? Substitute(JsonNode? node, Dictionary<string, string> variables, string recipe, int step)
    {
        switch (node)
        {
            case JsonObject obj:
                var copy = new JsonObject();
                foreach (var (key, value) in obj)
                {
                    copy[key] = Substitute(value, variables, recipe, step);
                }

                return copy;
            case JsonArray array:
                return new JsonArray(array.Select(item => Substitute(item, variables, recipe, step)).ToArray());
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                var text = value.GetValue<string>();
                return JsonValue.Create(VariableReference().Replace(text, m =>
                    variables.TryGetValue(m.Groups["name"].Value, out var replacement)
                        ? replacement
                        : throw new RecipeException($"Step {step} of recipe '{recipe}' uses an unknown variable '{m.Groups["name"].Value}'.")));
            default:
                return node?.DeepClone();
        }
    }
}
