using EmbedDashboard.Cli.Commands;
using EmbedDashboard.Core.Datasets;
using EmbedDashboard.Data.Stores;
using EmbedDashboard.Inference.Engine;
using EmbedDashboard.Training.Tests.Jobs;

namespace EmbedDashboard.Training.Tests.Cli;

/// <summary>`embeddash train spec.json` over a test host: the same service and job runner as the web form.</summary>
public sealed class TrainCommandTests
{
    private static async Task<(int Exit, string Output, string Error)> TrainAsync(TrainingHost host, string specJson)
    {
        var spec = Path.Combine(host.Folder, $"spec-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(spec, specJson);
        var (output, error) = (new StringWriter(), new StringWriter());
        var exit = await TrainCommand.TrainAsync(spec, host.Services, output, error, CancellationToken.None);
        return (exit, output.ToString(), error.ToString());
    }

    private static async Task SaveToyAsync(TrainingHost host)
    {
        var items = Enumerable.Range(0, 200).Select(i => new LabeledText(
            i % 2 == 0 ? $"a superb and lovely film {i % 7}" : $"an awful and boring film {i % 7}", i % 2 == 0 ? "pos" : "neg", i % 4 == 3 ? Split.Test : Split.Train)).ToList();
        await host.Get<DatasetStore>().SaveAsync(new DatasetMetadata("Toy Reviews", TaskKind.Classification, "csv", Guid.NewGuid().ToString("N"), "test", null, false), items);
    }

    [Fact]
    public async Task TrainAsync_SpecNamesDatasetCaseInsensitiveEnumsByName_TrainsAndPrintsIdLast()
    {
        await using var host = await TrainingHost.StartAsync();
        await SaveToyAsync(host);

        var (exit, output, error) = await TrainAsync(host, """{"Name": "cli layer", "DATASET": "toy reviews", "method": "EmbeddingLayer", "embeddingLayer": {"dimension": 8, "minCount": 1}}""");

        Assert.True(exit == 0, error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Contains(lines, l => l.StartsWith("train_examples: ", StringComparison.Ordinal));
        var id = lines[^1];
        Assert.Contains(host.Get<EmbedderRegistry>().Installed, e => e.Id == id && e.Dimension == 8);
    }

    [Fact]
    public async Task TrainAsync_UnknownDataset_ExitsOneNamingTheKnownOnes()
    {
        await using var host = await TrainingHost.StartAsync();
        await SaveToyAsync(host);

        var (exit, _, error) = await TrainAsync(host, """{"dataset": "no such data", "method": "EmbeddingLayer"}""");

        Assert.Equal(1, exit);
        Assert.Contains("Unknown dataset 'no such data'", error, StringComparison.Ordinal);
        Assert.Contains("Toy Reviews", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TrainAsync_DatasetOfAnUntrainableTask_ExitsOneWithTheRefusal()
    {
        await using var host = await TrainingHost.StartAsync();
        await host.Get<DatasetStore>().SaveAsync(new DatasetMetadata("word pairs", TaskKind.WordSimilarity, "tsv", "h", "test", null, false), new List<ScoredPair> { new("a", "b", 1) });

        var (exit, _, error) = await TrainAsync(host, """{"dataset": "word pairs", "method": "EmbeddingLayer"}""");

        Assert.Equal(1, exit);
        Assert.StartsWith("Refused: ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TrainAsync_NotJson_ExitsTwo()
    {
        await using var host = await TrainingHost.StartAsync();

        var (exit, _, error) = await TrainAsync(host, "{ method: ");

        Assert.Equal(2, exit);
        Assert.Contains("not a valid training spec", error, StringComparison.Ordinal);
    }
}
