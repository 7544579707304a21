using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Data.Configurations;

/// <summary>
/// Stores an immutable value (a record or a list of records) as JSON text in one column, the same
/// way on SQLite and PostgreSQL. Values are compared by their JSON, so a changed list is saved.
/// </summary>
internal static class JsonColumn
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.General);

    public static PropertyBuilder<T> HasJsonConversion<T>(this PropertyBuilder<T> property)
        where T : class =>
        property.HasConversion(v => Serialize(v), v => Deserialize<T>(v), Comparer<T>());

    public static ComplexTypePropertyBuilder<T> HasJsonConversion<T>(this ComplexTypePropertyBuilder<T> property)
        where T : class =>
        property.HasConversion(v => Serialize(v), v => Deserialize<T>(v), Comparer<T>());

    private static ValueComparer<T> Comparer<T>()
        where T : class =>
        new(
            (a, b) => Serialize(a) == Serialize(b),
            v => Serialize(v).GetHashCode(StringComparison.Ordinal),
            v => Deserialize<T>(Serialize(v)));

    private static string Serialize<T>(T? value) => JsonSerializer.Serialize(value, Options);

    private static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException($"A stored {typeof(T).Name} was null.");
}
