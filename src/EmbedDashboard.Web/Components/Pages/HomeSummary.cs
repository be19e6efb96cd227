using EmbedDashboard.Core.Datasets;
using EmbedDashboard.Core.Embeddings;
using EmbedDashboard.Core.Jobs;
using EmbedDashboard.Runner.Results;
using EmbedDashboard.Training.Jobs;

namespace EmbedDashboard.Web.Components.Pages;

/// <summary>A job running or queued now, as the home page lists it.</summary>
public sealed record ActiveJob(JobKind Kind, int Id, string Name, string Href, RunStatus Status, double Progress, string? Message);

/// <summary>The next thing a user should do, with where to do it.</summary>
public sealed record NextStep(string Text, string Href, string Label);

/// <summary>What the home page shows: recent verdicts, jobs running now, installed models and the next step.</summary>
public static class HomeSummary
{
    /// <summary>How many of the most recent experiments get their (costly) verdict computed.</summary>
    public const int RecentCount = 3;

    public static IReadOnlyList<ActiveJob> ActiveJobs(IReadOnlyList<ExperimentView> experiments, IReadOnlyList<TrainingJobView> training) =>
        experiments
            .SelectMany(e => e.Runs.Where(r => r.Status is RunStatus.Running or RunStatus.Queued)
                .Select(r => new ActiveJob(JobKind.Run, r.Id, $"{e.Name}: {r.DatasetName} × {r.EmbedderName}", $"experiments/{e.Id}", r.Status, r.Progress, r.Message)))
            .Concat(training.Where(j => j.Status is RunStatus.Running or RunStatus.Queued)
                .Select(j => new ActiveJob(JobKind.Training, j.Id, j.Name, $"training/{j.Id}", j.Status, j.Progress, j.ProgressMessage)))
            .OrderBy(j => j.Status == RunStatus.Running ? 0 : 1)
            .ToList();

    /// <summary>Models → own data → an experiment → a task-specific embedder, in that order.</summary>
    public static NextStep? Next(IReadOnlyList<EmbedderInfo> installed, IReadOnlyList<DatasetInfo> datasets, IReadOnlyList<ExperimentView> experiments, IReadOnlyList<TrainingJobView> training)
    {
        if (installed.Count == 0) return new NextStep("No embedder is installed yet: add one (or run `embeddash setup`).", "models", "Models");
        if (experiments.Count == 0) return new NextStep("Compare the installed embedders on a dataset: set up your first experiment.", "experiments/new", "New experiment");
        if (!datasets.Any(d => !d.IsBuiltIn)) return new NextStep("Import a dataset of your own to see how the embedders do on your data.", "datasets", "Datasets");
        if (training.Count == 0) return new NextStep("Train a task-specific embedder on one of your datasets and compare it with the general ones.", "training", "Training");
        return null;
    }
}
