using System.Globalization;

namespace EmbedDashboard.Runner.Layers;

/// <summary>One layer analysis to compute or fetch from the cache. Everything that changes the curves is in the key.</summary>
public sealed record LayerAnalysisRequest
{
    public const int MaxItemsLimit = 20_000;

    public required string EmbedderId { get; init; }
    public int DatasetId { get; init; }

    /// <summary>Items scored per layer (the task's usual sample: stratified for classification, of the test split otherwise).</summary>
    public int MaxItems { get; init; } = 1000;

    public int Seed { get; init; } = 13;

    /// <summary>Compare with the fine-tuned descendants (for a base) or the base (for a fine-tuned encoder).</summary>
    public bool WithRelatives { get; init; } = true;

    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(EmbedderId)) problems.Add("Choose an encoder.");
        if (MaxItems is < 10 or > MaxItemsLimit) problems.Add($"Max items must be between 10 and {MaxItemsLimit:N0} (got {MaxItems:N0}); every layer of every model is scored on them.");
        return problems;
    }

    /// <summary>Canonical key: the sample and the compared models (base first), so a new descendant makes a new analysis.</summary>
    public static string Key(int maxItems, int seed, IReadOnlyList<string> models) =>
        string.Create(CultureInfo.InvariantCulture, $"max={maxItems};seed={seed};models={string.Join(',', models)}");

    public static (int MaxItems, int Seed, IReadOnlyList<string> Models) ParseKey(string key)
    {
        var parts = key.Split(';').Select(p => p.Split('=', 2)).ToDictionary(kv => kv[0], kv => kv[1], StringComparer.Ordinal);
        return (int.Parse(parts["max"], CultureInfo.InvariantCulture), int.Parse(parts["seed"], CultureInfo.InvariantCulture), parts["models"].Split(','));
    }
}

/// <summary>The analysis cannot be served; the message says why in the user's terms.</summary>
public sealed class LayerAnalysisRequestException(string message) : Core.Jobs.JobInputException(message);
