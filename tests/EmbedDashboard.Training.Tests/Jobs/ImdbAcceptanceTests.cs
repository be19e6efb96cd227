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
using EmbedDashboard.Training.Jobs;
using Xunit.Abstractions;

namespace EmbedDashboard.Training.Tests.Jobs;

/// <summary>
/// The acceptance question on real data: trained on IMDB's train split, scored on its test
/// split under the same linear probe as GloVe. Measured here when written (5,000 training reviews for
/// the layer; the experiment's stratified 4,000-item sample, 3 seeds): GloVe 0.775, the trained 100d
/// layer 0.819 (its own classifier: 0.840 on all 24,789 test reviews). The assertion asks for half that
/// gap, so it fails if training stops helping.
/// </summary>
public sealed class ImdbAcceptanceTests(ITestOutputHelper output)
{
    [Fact]
    public async Task EmbeddingLayer_ImdbTrainSplit_BeatsGloveUnderTheSameProbe()
    {
        await using var host = await TrainingHost.StartAsync();
        await host.Get<BuiltInDatasetSeeder>().SeedAsync(AppPaths.Root(), CancellationToken.None);
        var imdb = (await host.Get<DatasetStore>().ListAsync()).Single(d => d.Name == "IMDB reviews (built-in)");

        var job = await host.Get<TrainingService>().StartAsync(new TrainingRequest
        {
            Method = TrainingMethod.EmbeddingLayer,
            DatasetId = imdb.Id,
            MaxTrainExamples = 5000,
            EmbeddingLayer = new FastTextOptions { Dimension = 100 },
        });
        await host.Get<JobRunner>().RunOneAsync(new JobKey(JobKind.Training, job.Id), CancellationToken.None);
        var trained = (await host.Get<TrainingService>().GetAsync(job.Id))!;
        Assert.True(trained.Status == RunStatus.Done, trained.Error);
        output.WriteLine($"training: {trained.ResultJson}");

        var experiment = await host.Get<ExperimentService>().CreateAsync(new ExperimentSpec
        {
            Name = "IMDB: trained layer vs GloVe",
            Datasets = [imdb.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)],
            Embedders = [ModelLayout.GloveId, trained.ProducedEmbedderIds!],
            Options = new RunOptions { Seeds = 3, MaxItems = 4000 },
        });
        var accuracy = new Dictionary<string, double>();
        foreach (var run in experiment.Runs)
        {
            Assert.Equal(RunStatus.Done, await host.Get<JobRunner>().RunOneAsync(new JobKey(JobKind.Run, run.Id), CancellationToken.None));
        }

        var stored = await host.Get<ExperimentStore>().GetAsync(experiment.Id);
        foreach (var run in stored!.Runs)
        {
            accuracy[run.EmbedderId] = run.Metrics.Single(m => m.IsPrimary).Value;
            output.WriteLine($"{run.EmbedderId}: accuracy {accuracy[run.EmbedderId]:0.000}");
        }

        Assert.True(accuracy[trained.ProducedEmbedderIds!] > accuracy[ModelLayout.GloveId] + 0.02,
            $"trained {accuracy[trained.ProducedEmbedderIds!]:0.000} vs GloVe {accuracy[ModelLayout.GloveId]:0.000}");
    }
}
