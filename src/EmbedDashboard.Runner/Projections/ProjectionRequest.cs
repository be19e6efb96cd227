using System.Globalization;
using EmbedDashboard.Core.Projections;
using EmbedDashboard.Data.Entities;

namespace EmbedDashboard.Runner.Projections;

/// <summary>One projection to compute or fetch from the cache. Everything that changes the picture is in <see cref="ParamsKey"/>.</summary>
public sealed record ProjectionRequest
{
    public const int MaxPcaPoints = 100_000;
    public const int MaxNeighbourEmbeddingPoints = 20_000;

    public int DatasetId { get; init; }
    public required string EmbedderId { get; init; }
    public ProjectionMethod Method { get; init; } = ProjectionMethod.Pca;
    public int Components { get; init; } = 2;
    public int MaxPoints { get; init; } = 5000;
    public int Seed { get; init; } = 13;
    public double Perplexity { get; init; } = 30;
    public int Neighbours { get; init; } = 15;
    public double MinDist { get; init; } = 0.1;

    /// <summary>A second embedder whose k nearest neighbours of each point are compared with this one's (neighbour churn); null for none.</summary>
    public string? CompareWith { get; init; }

    /// <summary>k of the neighbour churn; used only with <see cref="CompareWith"/>.</summary>
    public int ChurnK { get; init; } = 10;

    public const int MaxChurnK = 100;

    /// <summary>Canonical text of the parameters that matter for the method (so an unused one does not split the cache).</summary>
    public string ParamsKey => Method switch
    {
        ProjectionMethod.Tsne => string.Create(CultureInfo.InvariantCulture, $"c={Components};max={MaxPoints};seed={Seed};perplexity={Perplexity:R}"),
        ProjectionMethod.Umap => string.Create(CultureInfo.InvariantCulture, $"c={Components};max={MaxPoints};seed={Seed};neighbours={Neighbours};mindist={MinDist:R}"),
        _ => string.Create(CultureInfo.InvariantCulture, $"c={Components};max={MaxPoints};seed={Seed}"),
    };

    /// <summary>
    /// The cache key: <see cref="ParamsKey"/>, plus, with a comparison, its embedder, the model file's hash (a changed
    /// model is a different comparison) and k. Text values (id, hash) are read back by <see cref="ProjectionJobHandler"/>.
    /// </summary>
    public string CacheKey(string? compareModelSha256) => CompareWith is null
        ? ParamsKey
        : string.Create(CultureInfo.InvariantCulture, $"{ParamsKey};churnk={ChurnK};compare={CompareWith};compare_sha={compareModelSha256}");

    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (Components is not (2 or 3)) problems.Add($"A projection has 2 or 3 dimensions (got {Components}).");
        var limit = Method == ProjectionMethod.Pca ? MaxPcaPoints : MaxNeighbourEmbeddingPoints;
        if (MaxPoints < 10 || MaxPoints > limit)
        {
            problems.Add($"{Method} takes between 10 and {limit:N0} points (got {MaxPoints:N0}); larger datasets are sampled, and the page says so.");
        }

        if (Method == ProjectionMethod.Tsne && Perplexity is < 2 or > 100) problems.Add($"Perplexity must be between 2 and 100 (got {Perplexity}).");
        if (Method == ProjectionMethod.Umap && Neighbours is < 2 or > 200) problems.Add($"UMAP neighbours must be between 2 and 200 (got {Neighbours}).");
        if (Method == ProjectionMethod.Umap && MinDist is < 0 or > 1) problems.Add($"UMAP min_dist must be between 0 and 1 (got {MinDist}).");
        if (CompareWith is not null)
        {
            if (CompareWith == EmbedderId) problems.Add($"Neighbour churn compares two different embedders; '{EmbedderId}' was chosen for both.");
            if (ChurnK < 1 || ChurnK > MaxChurnK) problems.Add($"Neighbour churn k must be between 1 and {MaxChurnK} (got {ChurnK}).");
            // Exact kNN is O(n²·d) per embedder: 20,000 points is seconds, 100,000 would be minutes of both cores.
            if (MaxPoints > MaxNeighbourEmbeddingPoints) problems.Add($"Neighbour churn takes at most {MaxNeighbourEmbeddingPoints:N0} points (got {MaxPoints:N0}); lower Max points.");
        }

        return problems;
    }
}

/// <summary>The request cannot be served; the message says why in the user's terms.</summary>
public sealed class ProjectionRequestException(string message) : Core.Jobs.JobInputException(message);
