using System.Text.Json;
using System.Text.Json.Serialization;

namespace Portal.Recipes.Steps;

/// <summary>Reads a step's data into its record, strictly: a missing required value is an error, not a default.</summary>
internal static class StepData
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        Converters = { new JsonStringEnumConverter(allowIntegerValues: false) },
    };

    public static T Read<T>(RecipeStep step)
    {
        try
        {
            return step.Data.Deserialize<T>(Options) ?? throw new JsonException("The step is empty.");
        }
        catch (JsonException ex)
        {
            var where = string.IsNullOrEmpty(ex.Path) ? string.Empty : $" at {ex.Path}";
            throw new RecipeException($"S{step.ToString()[1..]} has invalid data{where}: {FirstSentence(ex.Message)}", ex);
        }
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message[..(end + 1)];
    }
}
