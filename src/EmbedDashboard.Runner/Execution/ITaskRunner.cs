using EmbedDashboard.Core.Datasets;
using EmbedDashboard.Core.Embeddings;
using EmbedDashboard.Core.Evaluation;
using EmbedDashboard.Core.Evaluation.Statistics;
using EmbedDashboard.Data.Stores;
using EmbedDashboard.Runner.Specs;

namespace EmbedDashboard.Runner.Execution;

/// <summary>Everything one run needs: the dataset (loaded on demand), the embedder and the options.</summary>
public sealed record TaskRunContext(
    int DatasetId,
    TaskKind Task,
    DatasetStore Datasets,
    IEmbedder Embedder,
    IWordLevelEmbedder? WordLevelEmbedder,
    IEmbedderRegistry Registry,
    RunOptions Options,
    IProgress<(double Fraction, string Message)> Progress,
    CancellationToken CancellationToken);

/// <summary>Metrics and embedding cost of one finished run, and the primary metric's per-item outcomes when the task has them.</summary>
public sealed record TaskOutcome(IReadOnlyList<MetricValue> Metrics, EmbeddingStats Stats, int ItemsEvaluated, string? Notes = null, ItemOutcomes? Items = null)
{
    /// <summary>Word tasks: how words became vectors (frozen into the reproducibility record).</summary>
    public WordContextRecord? WordContext { get; init; }
}

/// <summary>Evaluates one kind of task (adapts a Core evaluator to stored datasets and metric rows).</summary>
public interface ITaskRunner
{
    TaskKind Task { get; }

    Task<TaskOutcome> RunAsync(TaskRunContext context);
}
