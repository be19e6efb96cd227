using EmbedDashboard.Core.Access;
using System.Text.Json;
using System.Text.Json.Serialization;
using EmbedDashboard.Core.Embeddings;
using EmbedDashboard.Core.Jobs;
using EmbedDashboard.Data.Entities;
using EmbedDashboard.Data.Stores;
using EmbedDashboard.Core.Embeddings.WordContext;
using EmbedDashboard.Runner.WordContext;

namespace EmbedDashboard.Runner.Specs;

/// <summary>A spec that cannot run, with every specific problem found.</summary>
public sealed class ExperimentSpecException(IReadOnlyList<string> problems)
    : Exception("The experiment cannot run: " + string.Join(" ", problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}

/// <summary>Creates experiments from specs, queues their runs, cancels and retries them.</summary>
public sealed class ExperimentService(
    ExperimentStore experiments,
    DatasetStore datasets,
    RunStore runs,
    IEmbedderRegistry registry,
    JobQueue queue,
    JobRunner jobs,
    IUserAccess access)
{
    public static readonly JsonSerializerOptions SpecJson = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    public async Task<ExperimentEntity> CreateAsync(ExperimentSpec spec, CancellationToken cancellationToken = default)
    {
        access.Demand(AppRole.Editor, "run an experiment");
        var problems = new List<string>(spec.Options.Validate());
        if (string.IsNullOrWhiteSpace(spec.Name)) problems.Add("Give the experiment a name.");
        if (spec.Datasets.Count == 0) problems.Add("Pick at least one dataset.");
        if (spec.Embedders.Count == 0) problems.Add("Pick at least one embedder.");

        var known = await datasets.ListAsync(cancellationToken);
        var datasetIds = new List<int>();
        foreach (var reference in spec.Datasets.Distinct())
        {
            var match = known.FirstOrDefault(d => d.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) == reference)
                ?? known.FirstOrDefault(d => string.Equals(d.Name, reference, StringComparison.OrdinalIgnoreCase));
            if (match is null) problems.Add($"Unknown dataset '{reference}'.");
            else datasetIds.Add(match.Id);
        }

        var infos = registry.Installed.ToDictionary(e => e.Id, StringComparer.Ordinal);
        var installed = infos.Keys.ToHashSet(StringComparer.Ordinal);
        foreach (var id in spec.Embedders.Distinct().Where(id => !installed.Contains(id)))
        {
            problems.Add($"Unknown embedder '{id}'. Installed: {string.Join(", ", installed.Order())}.");
        }

        if (spec.Options.WordContext is { InContext: true } wordContext)
        {
            problems.AddRange(await WordContextProblemsAsync(wordContext, known.Where(d => datasetIds.Contains(d.Id)), spec.Embedders.Distinct().Where(installed.Contains).Select(e => infos[e]), cancellationToken));
        }

        if (problems.Count > 0)
        {
            throw new ExperimentSpecException(problems);
        }

        var plan = (from d in datasetIds from e in spec.Embedders.Distinct() select Plan(d, infos[e])).ToList();
        var experiment = await experiments.CreateAsync(spec.Name.Trim(), JsonSerializer.Serialize(spec, SpecJson), plan, cancellationToken);
        foreach (var run in experiment.Runs)
        {
            queue.Enqueue(JobKind.Run, run.Id);
        }

        return experiment;
    }

    /// <summary>
    /// In context applies to word similarity and analogy only, needs a context dataset with texts, and an encoder with
    /// per-word vectors; static vectors are allowed and run alone (recorded), so they can stay as the baseline.
    /// </summary>
    private async Task<IReadOnlyList<string>> WordContextProblemsAsync(WordContextOptions wordContext, IEnumerable<DatasetEntity> chosen, IEnumerable<EmbedderInfo> embedders, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        if (!string.IsNullOrWhiteSpace(wordContext.Dataset) && (await ContextTexts.ResolveAsync(datasets, wordContext.Dataset, cancellationToken)).Problem is { } problem)
        {
            problems.Add(problem);
        }

        foreach (var d in chosen.Where(d => d.Task is not (Core.Datasets.TaskKind.WordSimilarity or Core.Datasets.TaskKind.Analogy)))
        {
            problems.Add($"In-context word vectors apply to word similarity and analogy only; '{d.Name}' is a {d.Task} dataset. Run it in an experiment with words alone.");
        }

        foreach (var info in embedders.Where(i => i.Kind is not (EmbedderKind.StaticWordVectors or EmbedderKind.TrainedEmbeddingLayer)))
        {
            if (WordContextOptions.NotApplicable(info, registry.GetWordLevel(info.Id) is not null) is { } reason) problems.Add(reason);
        }

        return problems;
    }

    /// <summary>A run freezes the embedder's name, kind and general/task-specific standing as they are now.</summary>
    private static RunPlan Plan(int datasetId, EmbedderInfo info) => new(datasetId, info.Id)
    {
        EmbedderName = info.DisplayName,
        EmbedderIsGeneral = info.IsGeneral,
        EmbedderKind = info.Kind.ToString(),
        EmbedderDimension = info.Dimension,
        BaseEmbedderId = info.BaseEmbedderId,
    };

    public static ExperimentSpec ParseSpec(string json) =>
        JsonSerializer.Deserialize<ExperimentSpec>(json, SpecJson) ?? throw new JsonException("The spec is empty.");

    /// <summary>Cancels a queued run, or signals a running one (it stops at the next batch).</summary>
    public Task<bool> CancelRunAsync(int runId, CancellationToken cancellationToken = default)
    {
        access.Demand(AppRole.Editor, "cancel a run");
        return jobs.CancelAsync(new JobKey(JobKind.Run, runId), cancellationToken);
    }

    public async Task<bool> RetryRunAsync(int runId, CancellationToken cancellationToken = default)
    {
        access.Demand(AppRole.Editor, "retry a run");
        if (!await runs.RequeueAsync(runId, cancellationToken))
        {
            return false;
        }

        queue.Enqueue(JobKind.Run, runId);
        return true;
    }
}
