using EmbedDashboard.Core.Jobs;
using EmbedDashboard.Core.Paths;
using EmbedDashboard.Data;
using EmbedDashboard.Data.Entities;
using EmbedDashboard.Data.Stores;
using EmbedDashboard.Inference;
using EmbedDashboard.Inference.Setup;
using EmbedDashboard.Runner.Datasets;
using EmbedDashboard.Runner.Execution;
using EmbedDashboard.Runner.Results;
using EmbedDashboard.Runner.Specs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EmbedDashboard.Runner.Tests;

/// <summary>The real engine, real models and the built-in IMDB data, over a temp SQLite file.</summary>
public sealed class EndToEndExperimentTests
{
    [Fact]
    public async Task Run_ImdbSubset_MiniLmAndGloveAboveChanceAndPersisted()
    {
        var root = AppPaths.Root();
        await AssetSetup.EnsureAsync(root);
        var folder = Directory.CreateTempSubdirectory("embeddash-e2e-run-").FullName;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = $"Data Source={Path.Combine(folder, "e2e.db")};Pooling=False",
            ["Runner:Enabled"] = "false",
            ["Models:IntraOpThreads"] = "2",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddEmbedDashboardData(configuration);
        services.AddEmbedDashboardInference(configuration);
        services.AddEmbedDashboardRunner(configuration);
        int experimentId;
        await using (var provider = services.BuildServiceProvider())
        {
            await DatabaseInitializer.InitializeAsync(provider);
            await provider.GetRequiredService<BuiltInDatasetSeeder>().SeedAsync(root, CancellationToken.None);
            var experiment = await provider.GetRequiredService<ExperimentService>().CreateAsync(new ExperimentSpec
            {
                Name = "imdb subset",
                Datasets = ["IMDB reviews (built-in)"],
                Embedders = ["minilm-l6-v2", "glove-6b-100d"],
                Options = new RunOptions { Seeds = 2, MaxItems = 300, MaxTokens = 128 },
            });
            experimentId = experiment.Id;
            foreach (var run in experiment.Runs)
            {
                Assert.Equal(RunStatus.Done, await provider.GetRequiredService<JobRunner>().RunOneAsync(new JobKey(JobKind.Run, run.Id), CancellationToken.None));
            }
        }

        // Read back through a fresh container: what the result page would show after a restart.
        var reread = new ServiceCollection().AddSingleton(TimeProvider.System).AddEmbedDashboardData(configuration).BuildServiceProvider();
        var stored = await reread.GetRequiredService<ExperimentStore>().GetAsync(experimentId);
        Assert.Equal(2, stored!.Runs.Count);
        foreach (var run in stored.Runs)
        {
            var accuracy = run.Metrics.Single(m => m.IsPrimary);
            Assert.Equal("accuracy", accuracy.Name);
            Assert.True(accuracy.Value > 0.6, $"{run.EmbedderId}: accuracy {accuracy.Value} is not above chance (0.5) by a margin");
            Assert.Contains("\"modelSha256\":\"", run.ReproJson);
            Assert.Contains("\"textsPerSecond\":", run.EfficiencyJson);
        }

        // The result page's statistics come from the stored per-item outcomes: a CI per run and a verdict for IMDB.
        var view = ExperimentViewBuilder.Build(stored, []);
        Assert.All(view.Runs, r => Assert.True(r.Score is { } s && s.CiLow <= s.Value && s.Value <= s.CiHigh, $"{r.EmbedderId}: no CI around its score"));
        var verdict = Assert.Single(view.Verdicts);
        Assert.StartsWith("On IMDB reviews (built-in), ", verdict.Sentence);
        Assert.NotNull(Assert.Single(verdict.Comparisons).P);
    }
}
