using EmbedDashboard.Core.Datasets;
using EmbedDashboard.Core.Embeddings;
using EmbedDashboard.Core.Evaluation;
using EmbedDashboard.Core.Evaluation.Statistics;
using EmbedDashboard.Data.Stores;
using EmbedDashboard.Runner.Execution;

namespace EmbedDashboard.Runner.Tests;

/// <param name="cacheHits">How many of each call's texts it reports as answered from the cache.</param>
internal sealed class FakeEmbedder(string id, bool general = true, int cacheHits = 0) : IEmbedder
{
    public EmbedderInfo Info { get; } = new(id, id, general ? EmbedderKind.StaticWordVectors : EmbedderKind.TrainedEmbeddingLayer, 2, 10, "sha-" + id, "test", "none");

    public Task<EmbeddingBatch> EmbedAsync(IReadOnlyList<string> texts, EmbedOptions options, IProgress<EmbedProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var data = new float[texts.Count * 2];
        for (var i = 0; i < texts.Count; i++)
        {
            data[2 * i] = texts[i].Length;
            data[2 * i + 1] = 1;
        }

        return Task.FromResult(new EmbeddingBatch(data, texts.Count, 2, new bool[texts.Count],
            new EmbeddingStats(texts.Count, texts.Count * 3, 0, 1, TimeSpan.FromMilliseconds(10), Math.Min(cacheHits, texts.Count))));
    }
}

/// <summary>Like <see cref="FakeEmbedder"/>, but texts the predicate picks have no vector (out of vocabulary).</summary>
internal sealed class OovEmbedder(string id, bool general, Func<string, bool> missing) : IEmbedder
{
    private readonly FakeEmbedder _inner = new(id, general);

    public EmbedderInfo Info => _inner.Info;

    public async Task<EmbeddingBatch> EmbedAsync(IReadOnlyList<string> texts, EmbedOptions options, IProgress<EmbedProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var batch = await _inner.EmbedAsync(texts, options, progress, cancellationToken);
        return new EmbeddingBatch(batch.Data, batch.Count, batch.Dimension, texts.Select(missing).ToArray(), batch.Stats);
    }
}

internal sealed class FakeRegistry(params IEmbedder[] embedders) : IEmbedderRegistry
{
    public IReadOnlyList<EmbedderInfo> Installed => embedders.Select(e => e.Info).ToList();
    public IReadOnlyList<string> LoadErrors => [];

    public IEmbedder Get(string id) => embedders.FirstOrDefault(e => e.Info.Id == id)
        ?? throw new UnknownEmbedderException(id, embedders.Select(e => e.Info.Id));

    public IWordLevelEmbedder? GetWordLevel(string id) => embedders.FirstOrDefault(e => e.Info.Id == id) as IWordLevelEmbedder;
}

/// <summary>A classification "evaluator" the test steers: it runs until released, cancelled or told to fail.</summary>
internal sealed class ControlledTaskRunner : ITaskRunner
{
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskKind Task => TaskKind.Classification;
    public string? FailWith { get; set; }
    public int Calls { get; private set; }

    /// <summary>When set, the run returns these per-item outcomes (by embedder id) and their mean as the primary metric.</summary>
    public Func<string, ItemOutcomes>? ItemsFor { get; set; }

    public Task Started => _started.Task;

    public void Release() => _release.TrySetResult();

    public void Rearm() => _release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public async Task<TaskOutcome> RunAsync(TaskRunContext context)
    {
        Calls++;
        var items = await context.Datasets.LoadItemsAsync<LabeledText>(context.DatasetId, context.CancellationToken);
        var batch = await context.Embedder.EmbedAsync(items.Select(i => i.Text).ToList(), context.Options.ToEmbedOptions(), cancellationToken: context.CancellationToken);
        context.Progress.Report((0.5, "half way"));
        _started.TrySetResult();
        if (FailWith is not null)
        {
            throw new InvalidOperationException(FailWith);
        }

        await _release.Task.WaitAsync(context.CancellationToken);
        if (ItemsFor?.Invoke(context.Embedder.Info.Id) is { } outcomes)
        {
            var covered = outcomes.Items.Where(r => r is not null).Select(r => r!).ToList();
            return new TaskOutcome([new MetricValue(outcomes.Metric, ItemMetric.Compute(outcomes.Statistic, covered), null, true)], batch.Stats, covered.Count, null, outcomes);
        }

        return new TaskOutcome([new MetricValue("accuracy", 0.75, 0.05, true, [0.7, 0.8])], batch.Stats, items.Count);
    }
}

/// <summary>
/// A sentence encoder with per-word vectors: a word alone is (1, 0); in a sentence, word w gets (1, number of words
/// in the sentence), so in-context vectors differ from alone ones and depend on the contexts found.
/// </summary>
internal sealed class FakeContextualEncoder(string id) : IEmbedder, IWordLevelEmbedder
{
    public EmbedderInfo Info { get; } = new(id, id, EmbedderKind.SentenceEncoder, 2, 10, "sha-" + id, "test", "none");

    public int WordCalls { get; private set; }

    public Task<EmbeddingBatch> EmbedAsync(IReadOnlyList<string> texts, EmbedOptions options, IProgress<EmbedProgress>? progress = null, CancellationToken cancellationToken = default) =>
        Task.FromResult(new EmbeddingBatch(texts.SelectMany(t => new float[] { 1, t.Length }).ToArray(), texts.Count, 2, new bool[texts.Count], new EmbeddingStats(texts.Count, texts.Count, 0, 1, TimeSpan.FromMilliseconds(1), 0)));

    public Task<EmbeddingBatch> EmbedWordsAsync(IReadOnlyList<IReadOnlyList<string>> sentences, EmbedOptions options, IProgress<EmbedProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        WordCalls++;
        var data = sentences.SelectMany(s => s.SelectMany(_ => new float[] { 1, s.Count })).ToArray();
        var total = sentences.Sum(s => s.Count);
        return Task.FromResult(new EmbeddingBatch(data, total, 2, new bool[total], new EmbeddingStats(sentences.Count, total, 0, 1, TimeSpan.FromMilliseconds(1), 0)));
    }
}

/// <summary>An embedder whose vector of each text is given (2-D), for hand-worked neighbourhoods; unknown texts have no vector.</summary>
internal sealed class TableEmbedder(string id, IReadOnlyDictionary<string, float[]> vectors, bool general = true) : IEmbedder
{
    public EmbedderInfo Info { get; } = new(id, "Table " + id, general ? EmbedderKind.StaticWordVectors : EmbedderKind.TrainedEmbeddingLayer, 2, 10, "sha-" + id, "test", "none");

    public Task<EmbeddingBatch> EmbedAsync(IReadOnlyList<string> texts, EmbedOptions options, IProgress<EmbedProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var data = new float[texts.Count * 2];
        var missing = new bool[texts.Count];
        for (var i = 0; i < texts.Count; i++)
        {
            if (vectors.TryGetValue(texts[i], out var v)) v.CopyTo(data, 2 * i);
            else missing[i] = true;
        }

        return Task.FromResult(new EmbeddingBatch(data, texts.Count, 2, missing, new EmbeddingStats(texts.Count, texts.Count, 0, 1, TimeSpan.FromMilliseconds(1), 0)));
    }
}
