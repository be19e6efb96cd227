using EmbedDashboard.Core.Datasets;
using EmbedDashboard.Core.Jobs;
using EmbedDashboard.Core.Projections;
using EmbedDashboard.Data.Entities;
using EmbedDashboard.Data.Stores;
using EmbedDashboard.Runner.Projections;

namespace EmbedDashboard.Runner.Tests;

public sealed class ProjectionServiceTests
{
    private static async Task<int> SeedAsync(RunnerHost host, int count)
    {
        // Two clusters the fake embedder separates by text length: short "a…" texts and long "b…" texts.
        var items = Enumerable.Range(0, count).Select(i => i % 2 == 0 ? new LabeledText(new string('a', 5 + i % 7), "short") : new LabeledText(new string('b', 60 + i % 7), "long")).ToList();
        return (await host.Get<DatasetStore>().SaveAsync(new DatasetMetadata("clusters", TaskKind.Classification, "csv", "h" + count, "test", null, false), items)).Id;
    }

    [Fact]
    public async Task RequestAsync_SameKeyAfterDone_ServedFromCache()
    {
        await using var host = await RunnerHost.StartAsync();
        var dataset = await SeedAsync(host, 120);
        var service = host.Get<ProjectionService>();
        var request = new ProjectionRequest { DatasetId = dataset, EmbedderId = "general", Method = ProjectionMethod.Pca, MaxPoints = 100 };

        var first = await service.RequestAsync(request);
        var again = await service.RequestAsync(request);
        Assert.Equal(first.Id, again.Id); // queued once, not twice
        await host.Get<JobRunner>().RunOneAsync(new JobKey(JobKind.Projection, first.Id), CancellationToken.None);
        var cached = await service.RequestAsync(request);
        var other = await service.RequestAsync(request with { Method = ProjectionMethod.Umap, Neighbours = 5 });

        Assert.Equal(first.Id, cached.Id);
        Assert.Equal(RunStatus.Done, cached.Status);
        Assert.NotEqual(first.Id, other.Id);
        var view = await service.LoadAsync(first.Id, fromCache: true);
        Assert.NotNull(view);
        Assert.Equal(100, view.Points.Count);   // seeded sample of 100 of 120, said by TotalItems
        Assert.Equal(120, view.TotalItems);
        Assert.InRange(view.Figures["trustworthiness_k10"], 0.9, 1.0);
    }

    [Fact]
    public async Task Worker_Tsne_DoneWithTwoDimensionalPoints()
    {
        await using var host = await RunnerHost.StartAsync();
        var dataset = await SeedAsync(host, 80);
        var service = host.Get<ProjectionService>();

        var entity = await service.RequestAsync(new ProjectionRequest { DatasetId = dataset, EmbedderId = "general", Method = ProjectionMethod.Tsne, Perplexity = 10, MaxPoints = 80 });
        await host.Get<JobRunner>().RunOneAsync(new JobKey(JobKind.Projection, entity.Id), CancellationToken.None);

        var view = await service.LoadAsync(entity.Id, fromCache: false);
        Assert.NotNull(view);
        Assert.Equal(80, view.Points.Count);
        Assert.Contains(view.Points, p => p.X != 0 || p.Y != 0);
    }

    [Theory]
    [InlineData(ProjectionMethod.Tsne, 20_001, "between 10 and 20,000 points")]
    [InlineData(ProjectionMethod.Pca, 100_001, "between 10 and 100,000 points")]
    public async Task RequestAsync_TooManyPoints_RefusedWithLimit(ProjectionMethod method, int max, string expected)
    {
        await using var host = await RunnerHost.StartAsync();
        var dataset = await SeedAsync(host, 20);

        var error = await Assert.ThrowsAsync<ProjectionRequestException>(() => host.Get<ProjectionService>().RequestAsync(new ProjectionRequest { DatasetId = dataset, EmbedderId = "general", Method = method, MaxPoints = max }));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Worker_PerplexityTooLargeForPoints_FailedWithReason()
    {
        await using var host = await RunnerHost.StartAsync();
        var dataset = await SeedAsync(host, 30);
        var service = host.Get<ProjectionService>();

        var entity = await service.RequestAsync(new ProjectionRequest { DatasetId = dataset, EmbedderId = "general", Method = ProjectionMethod.Tsne, Perplexity = 30, MaxPoints = 30 });
        await host.Get<JobRunner>().RunOneAsync(new JobKey(JobKind.Projection, entity.Id), CancellationToken.None);

        var stored = await service.GetAsync(entity.Id);
        Assert.Equal(RunStatus.Failed, stored!.Status);
        Assert.Contains("at least", stored.Error, StringComparison.Ordinal);
    }
}
