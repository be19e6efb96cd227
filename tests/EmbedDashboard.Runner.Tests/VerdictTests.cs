using EmbedDashboard.Core.Datasets;
using EmbedDashboard.Core.Evaluation.Statistics;
using EmbedDashboard.Core.Jobs;
using EmbedDashboard.Data.Stores;
using EmbedDashboard.Runner.Export;
using EmbedDashboard.Runner.Results;
using EmbedDashboard.Runner.Specs;

namespace EmbedDashboard.Runner.Tests;

/// <summary>Runs through the job runner and the SQLite store, then read back as the result page and exports see them.</summary>
public sealed class VerdictTests
{
    // Same 400 items for both embedders; "specific" is right on 85% of them, "general" on 65%.
    private static ItemOutcomes Outcomes(string embedder)
    {
        var accuracy = embedder == "specific" ? 0.85 : 0.65;
        var random = new Random(embedder == "specific" ? 1 : 2);
        var rows = Enumerable.Range(0, 400).Select(_ => (double[]?)[random.NextDouble() < accuracy ? 1 : 0]).ToList();
        return ItemOutcomes.Create("accuracy", ItemStatistic.Mean, Enumerable.Range(0, 400).Select(i => $"item {i}"), rows);
    }

    private static async Task<ExperimentView> RunAllAsync(RunnerHost host, int datasetId)
    {
        var experiment = await host.CreateExperimentAsync(datasetId, "general", "specific");
        foreach (var run in experiment.Runs)
        {
            Assert.Equal(RunStatus.Done, await host.Get<JobRunner>().RunOneAsync(new JobKey(JobKind.Run, run.Id), CancellationToken.None));
        }

        return (await host.Get<ExperimentQueries>().GetAsync(experiment.Id))!;
    }

    [Fact]
    public async Task Experiment_TwoEmbeddersWithPerItemOutcomes_YieldsCisDeltaAndVerdict()
    {
        await using var host = await RunnerHost.StartAsync();
        host.Task.ItemsFor = Outcomes;
        host.Task.Release();
        var view = await RunAllAsync(host, await host.SeedDatasetAsync());

        foreach (var run in view.Runs)
        {
            var score = Assert.IsType<RunScore>(run.Score);
            Assert.Equal(400, score.Items);
            Assert.True(score.CiLow < score.Value && score.Value < score.CiHigh, $"{run.EmbedderId}: {score.Value} not inside [{score.CiLow}, {score.CiHigh}]");
        }

        var verdict = Assert.Single(view.Verdicts);
        Assert.Equal("general", verdict.BaselineName);
        var comparison = Assert.Single(verdict.Comparisons);
        Assert.Equal("specific", comparison.EmbedderName);
        Assert.True(comparison.Delta > 0.1, $"Δ = {comparison.Delta}");
        Assert.True(comparison.CiLow > 0 && comparison.CiHigh > comparison.Delta);
        Assert.True(comparison.Significant);
        Assert.Equal(comparison.P, comparison.PHolm);
        Assert.StartsWith("On toy, specific beats the best general embedder (general) by +", verdict.Sentence);
        Assert.Contains("accuracy points [95% CI +", verdict.Sentence);
        Assert.Equal(comparison.Delta, view.Runs.Single(r => r.EmbedderId == "specific").DeltaVsBestGeneral);

        // A second read is served from the cache and says the same.
        var again = (await host.Get<ExperimentQueries>().GetAsync(view.Id))!;
        Assert.Equal(verdict.Sentence, Assert.Single(again.Verdicts).Sentence);
        Assert.Equal(view.Runs.Select(r => r.Score), again.Runs.Select(r => r.Score));

        var csv = ResultsExporter.ToCsv(view);
        Assert.Contains("ci_low,ci_high", csv.Split('\n')[0]);
        Assert.Contains("delta_vs_best_general", csv.Split('\n')[0]);
        var json = ResultsExporter.ToJson(view);
        Assert.Contains("\"verdicts\"", json);
        Assert.Contains("\"pHolm\"", json);
    }

    [Fact]
    public async Task Experiment_TwoDatasets_HolmAdjustsAcrossBothComparisons()
    {
        await using var host = await RunnerHost.StartAsync();
        host.Task.ItemsFor = Outcomes;
        host.Task.Release();
        var first = await host.SeedDatasetAsync();
        var second = (await host.Get<DatasetStore>().SaveAsync(new DatasetMetadata("toy 2", TaskKind.Classification, "csv", "hash-2", "test", null, false),
            new List<LabeledText> { new("nice", "pos"), new("awful", "neg") })).Id;
        var experiment = await host.Get<ExperimentService>().CreateAsync(new ExperimentSpec
        {
            Name = "two datasets",
            Datasets = [first.ToString(System.Globalization.CultureInfo.InvariantCulture), second.ToString(System.Globalization.CultureInfo.InvariantCulture)],
            Embedders = ["general", "specific"],
        });
        foreach (var run in experiment.Runs)
        {
            Assert.Equal(RunStatus.Done, await host.Get<JobRunner>().RunOneAsync(new JobKey(JobKind.Run, run.Id), CancellationToken.None));
        }

        var view = (await host.Get<ExperimentQueries>().GetAsync(experiment.Id))!;
        var comparisons = view.Verdicts.SelectMany(v => v.Comparisons).ToList();
        Assert.Equal(2, comparisons.Count);
        // Both datasets got the same outcomes, so the same raw p; Holm multiplies the smaller by 2 and keeps the order.
        Assert.All(comparisons, c => Assert.Equal(Math.Min(1, 2 * c.P!.Value), c.PHolm!.Value, 12));
        Assert.All(comparisons, c => Assert.Contains("(Holm, 2 comparisons)", c.Sentence));
    }

    [Fact]
    public async Task Experiment_SameOutcomesTwice_NoSignificantDifference()
    {
        await using var host = await RunnerHost.StartAsync();
        host.Task.ItemsFor = _ => Outcomes("general");
        host.Task.Release();
        var view = await RunAllAsync(host, await host.SeedDatasetAsync());

        var comparison = Assert.Single(Assert.Single(view.Verdicts).Comparisons);
        Assert.Equal(0, comparison.Delta);
        Assert.False(comparison.Significant);
        Assert.Contains("no significant difference (Δ +0.0 accuracy points", comparison.Sentence);
    }

    [Fact]
    public async Task Experiment_DifferentItemSets_NoTestAndSaysWhy()
    {
        await using var host = await RunnerHost.StartAsync();
        host.Task.ItemsFor = id => id == "general" ? Outcomes("general")
            : ItemOutcomes.Create("accuracy", ItemStatistic.Mean, Enumerable.Range(0, 400).Select(i => $"other item {i}"), Outcomes("specific").Items);
        host.Task.Release();
        var view = await RunAllAsync(host, await host.SeedDatasetAsync());

        var comparison = Assert.Single(Assert.Single(view.Verdicts).Comparisons);
        Assert.Null(comparison.Delta);
        Assert.Contains("different item set", comparison.NoTestReason);
        Assert.Null(view.Runs.Single(r => r.EmbedderId == "specific").DeltaVsBestGeneral);
        Assert.StartsWith("On toy, no paired test for specific:", Assert.Single(view.Verdicts).Sentence);
    }

    [Fact]
    public async Task WordSimilarity_OovHeavyEmbedder_EveryEmbedderScoredOnCommonPairsWithCoverageBeside()
    {
        // "specific" has no vector for any word with an "x": 10 of the 40 pairs.
        await using var host = await RunnerHost.StartAsync(embedders:
            [new FakeEmbedder("general"), new OovEmbedder("specific", general: false, w => w.Contains('x', StringComparison.Ordinal))]);
        var random = new Random(4);
        var words = Enumerable.Range(0, 40).Select(i => (A: new string('a', 1 + random.Next(12)) + (i % 4 == 0 ? "x" : ""), B: new string('b', 1 + random.Next(12)))).ToList();
        var pairs = words.Select(w => new ScoredPair(w.A, w.B, random.NextDouble() * 10)).ToList();
        var dataset = await host.Get<DatasetStore>().SaveAsync(new DatasetMetadata("pairs", TaskKind.WordSimilarity, "csv", "hash-pairs", "test", null, false), pairs);
        var view = await RunAllAsync(host, dataset.Id);

        var general = view.Runs.Single(r => r.EmbedderId == "general");
        var specific = view.Runs.Single(r => r.EmbedderId == "specific");
        Assert.Equal(30, specific.Score!.CoveredItems);
        Assert.Equal(40, specific.Score.TotalItems);
        Assert.Equal(0.25, specific.Score.OovRate, 12);
        Assert.Equal(30, general.Score!.Items);
        Assert.Equal(30, specific.Score.Items);
        Assert.True(general.Score.OnCommonSubset);
        Assert.Equal(40, general.Score.CoveredItems);
        Assert.Contains("30 of 40 items that every embedder here covers", general.Score.Note);

        // The primary shown is the common-pairs score; the full-coverage one and the OOV rate are beside it.
        Assert.Equal(general.Score.Value, general.Primary!.Value, 12);
        Assert.Equal(general.Score.FullCoverageValue, general.Metrics.Single(m => m.Name == "spearman_full_coverage").Value, 12);
        Assert.Equal(0, general.Metrics.Single(m => m.Name == "oov_rate").Value);
        Assert.Equal(0.25, specific.Metrics.Single(m => m.Name == "oov_rate").Value, 12);
        var comparison = Assert.Single(Assert.Single(view.Verdicts).Comparisons);
        Assert.Equal(30, comparison.Items);
        Assert.Contains("on the 30 of 40 items every embedder covers", comparison.Sentence);
        Assert.Equal(specific.Score.Value - general.Score.Value, comparison.Delta!.Value, 12);
    }

    [Fact]
    public async Task Verdict_TaskSpecificEmbedderDeletedAfterTheRuns_PageUnchanged()
    {
        var folder = Directory.CreateTempSubdirectory("embeddash-frozen-").FullName;
        ExperimentView before;
        await using (var host = await RunnerHost.StartAsync(folder))
        {
            host.Task.ItemsFor = Outcomes;
            host.Task.Release();
            before = await RunAllAsync(host, await host.SeedDatasetAsync());
        }

        // The trained embedder is gone from the registry (deleted); a restarted app reads the same runs.
        await using var after = await RunnerHost.StartAsync(folder, embedders: [new FakeEmbedder("general")]);
        var view = (await after.Get<ExperimentQueries>().GetAsync(before.Id))!;

        // What each run was compared as was frozen at creation: the deleted embedder does not turn "general" and
        // become the baseline, and every figure and sentence of the page stays as it was.
        var verdict = Assert.Single(view.Verdicts);
        Assert.Equal(Assert.Single(before.Verdicts).Sentence, verdict.Sentence);
        Assert.Equal("general", verdict.BaselineName);
        var specific = view.Runs.Single(r => r.EmbedderId == "specific");
        Assert.False(specific.IsGeneral);
        Assert.Equal(before.Runs.Single(r => r.EmbedderId == "specific").DeltaVsBestGeneral, specific.DeltaVsBestGeneral);
    }
}
