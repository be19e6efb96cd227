using EmbedDashboard.Core.Jobs;
using EmbedDashboard.Runner.Results;

namespace EmbedDashboard.Runner.Tests;

public sealed class EfficiencyTests
{
    [Fact]
    public async Task Run_CacheHits_TextsPerSecondCountsOnlyEncodedTexts()
    {
        // 3 texts in 10 ms of embedding, 2 of them from the cache: 1 text went through the model → 100 texts/s, not 300.
        await using var host = await RunnerHost.StartAsync(embedders: [new FakeEmbedder("general", cacheHits: 2)]);
        host.Task.Release();
        var experiment = await host.CreateExperimentAsync(await host.SeedDatasetAsync(), "general");
        Assert.Equal(RunStatus.Done, await host.Get<JobRunner>().RunOneAsync(new JobKey(JobKind.Run, experiment.Runs[0].Id), CancellationToken.None));

        var efficiency = Assert.Single((await host.Get<ExperimentQueries>().GetAsync(experiment.Id))!.Runs).Efficiency!;
        Assert.Equal(3, efficiency.Texts);
        Assert.Equal(2, efficiency.CacheHits);
        Assert.Equal(1, efficiency.EncodedTexts);
        Assert.Equal(100, efficiency.TextsPerSecond, 6);
        Assert.Equal("1 (2 stored)", EmbeddedCount.Format(efficiency)); // the `embedded` column of the results table
        var csv = Export.ResultsExporter.ToCsv((await host.Get<ExperimentQueries>().GetAsync(experiment.Id))!).Split('\n');
        var header = csv[0].Split(',');
        Assert.Equal("1", csv[1].Split(',')[Array.IndexOf(header, "embedded")]);
        Assert.Equal("100", EmbeddedCount.Throughput(efficiency));
    }

    [Fact]
    public async Task Throughput_EveryTextFromTheStore_ShownAsNotMeasured()
    {
        // All 3 texts answered by the store: no text ran through the model, so there is no speed (not "0 texts/s").
        await using var host = await RunnerHost.StartAsync(embedders: [new FakeEmbedder("general", cacheHits: 3)]);
        host.Task.Release();
        var experiment = await host.CreateExperimentAsync(await host.SeedDatasetAsync(), "general");
        Assert.Equal(RunStatus.Done, await host.Get<JobRunner>().RunOneAsync(new JobKey(JobKind.Run, experiment.Runs[0].Id), CancellationToken.None));

        var efficiency = Assert.Single((await host.Get<ExperimentQueries>().GetAsync(experiment.Id))!.Runs).Efficiency!;
        Assert.Equal(0, efficiency.EncodedTexts);
        Assert.Equal("—", EmbeddedCount.Throughput(efficiency));
        Assert.Equal("0 (3 stored)", EmbeddedCount.Format(efficiency));
    }
}
