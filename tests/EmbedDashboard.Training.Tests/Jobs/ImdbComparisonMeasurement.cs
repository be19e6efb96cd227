using EmbedDashboard.Core.Jobs;
using EmbedDashboard.Core.Paths;
using EmbedDashboard.Core.Training;
using EmbedDashboard.Data.Entities;
using EmbedDashboard.Data.Stores;
using EmbedDashboard.Inference.Setup;
using EmbedDashboard.Runner.Datasets;
using EmbedDashboard.Runner.Execution;
using EmbedDashboard.Runner.Specs;
using EmbedDashboard.Training.FastText;
using EmbedDashboard.Training.FineTuning;
using EmbedDashboard.Training.Jobs;
using Xunit.Abstractions;

namespace EmbedDashboard.Training.Tests.Jobs;

/// <summary>
/// The full comparison on IMDB (embedding layers, fine-tuned MiniLM supervised all / last-2,
/// contrastive crop / dropout, PCA variants), every embedder under the same linear probe. It takes
/// several minutes on 2 cores, so it runs only when asked:
/// EMBED_ACCEPTANCE=1 dotnet test tests/EmbedDashboard.Training.Tests -c Release --filter "FullyQualifiedName~ImdbComparison" --logger "console;verbosity=detailed"
/// It prints the figures; the assertions only check that every job and run finished.
/// </summary>
public sealed class AcceptanceFactAttribute : FactAttribute
{
    public AcceptanceFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("EMBED_ACCEPTANCE") != "1") Skip = "Long measurement; set EMBED_ACCEPTANCE=1 to run.";
    }
}

public sealed class ImdbComparisonMeasurement(ITestOutputHelper output)
{
    [AcceptanceFact]
    public async Task ComparisonSet_Imdb_AllTrainAndEvaluate()
    {
        var trainTexts = int.TryParse(Environment.GetEnvironmentVariable("EMBED_ACCEPTANCE_TRAIN"), out var t) ? t : 2000;
        await using var host = await TrainingHost.StartAsync();
        await host.Get<BuiltInDatasetSeeder>().SeedAsync(AppPaths.Root(), CancellationToken.None);
        var imdb = (await host.Get<DatasetStore>().ListAsync()).Single(d => d.Name == "IMDB reviews (built-in)");
        var tune = new FineTuneOptions { MaxTokens = 128, BatchSize = 16, Epochs = 1 };
        TrainingRequest Request(TrainingMethod method) => new() { Method = method, DatasetId = imdb.Id, MaxTrainExamples = trainTexts };
        TrainingRequest[] requests =
        [
            Request(TrainingMethod.EmbeddingLayer) with { Name = "layer random", EmbeddingLayer = new FastTextOptions() },
            Request(TrainingMethod.EmbeddingLayer) with { Name = "layer glove trainable", EmbeddingLayer = new FastTextOptions { Init = EmbeddingInit.Glove } },
            Request(TrainingMethod.EmbeddingLayer) with { Name = "layer glove frozen", EmbeddingLayer = new FastTextOptions { Init = EmbeddingInit.Glove, FreezeEmbeddings = true, WordBigrams = false } },
            Request(TrainingMethod.FineTuneEncoder) with { Name = "ft supervised all", FineTune = tune },
            Request(TrainingMethod.FineTuneEncoder) with { Name = "ft supervised last2", FineTune = tune with { TrainLastLayers = 2 } },
            Request(TrainingMethod.FineTuneEncoder) with { Name = "ft crop", FineTune = tune with { Objective = FineTuneObjective.ContrastiveCrop } },
            Request(TrainingMethod.FineTuneEncoder) with { Name = "ft dropout", FineTune = tune with { Objective = FineTuneObjective.ContrastiveDropout } },
            Request(TrainingMethod.ReduceDimension) with { Name = "pca minilm", BaseEmbedderId = ModelLayout.MiniLmId, Reduction = new ReductionOptions { Dimensions = [16, 32, 64, 128] } },
        ];
        var produced = new List<string>();
        foreach (var request in requests)
        {
            var job = await host.Get<TrainingService>().StartAsync(request);
            await host.Get<JobRunner>().RunOneAsync(new JobKey(JobKind.Training, job.Id), CancellationToken.None);
            var done = (await host.Get<TrainingService>().GetAsync(job.Id))!;
            output.WriteLine($"{request.Name}: {done.Status} {done.Error} {done.ResultJson}");
            Assert.Equal(RunStatus.Done, done.Status);
            produced.AddRange(done.ProducedEmbedderIds!.Split(','));
        }

        var experiment = await host.Get<ExperimentService>().CreateAsync(new ExperimentSpec
        {
            Name = "IMDB comparison",
            Datasets = [imdb.Name],
            Embedders = [ModelLayout.GloveId, ModelLayout.MiniLmId, .. produced],
            Options = new RunOptions { Seeds = 3, MaxItems = 2000, MaxTokens = 256 },
        });
        foreach (var run in experiment.Runs)
        {
            Assert.Equal(RunStatus.Done, await host.Get<JobRunner>().RunOneAsync(new JobKey(JobKind.Run, run.Id), CancellationToken.None));
        }

        var stored = await host.Get<ExperimentStore>().GetAsync(experiment.Id);
        foreach (var run in stored!.Runs)
        {
            var primary = run.Metrics.Single(m => m.IsPrimary);
            output.WriteLine($"{run.EmbedderId}: accuracy {primary.Value:0.000} ± {primary.Std:0.000}; {run.EfficiencyJson}");
        }
    }
}
