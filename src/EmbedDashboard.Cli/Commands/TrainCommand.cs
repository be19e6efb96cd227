using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using EmbedDashboard.Core.Jobs;
using EmbedDashboard.Core.Paths;
using EmbedDashboard.Data.Entities;
using EmbedDashboard.Data.Stores;
using EmbedDashboard.Inference.Setup;
using EmbedDashboard.Runner.Datasets;
using EmbedDashboard.Training.Jobs;
using Microsoft.Extensions.DependencyInjection;

namespace EmbedDashboard.Cli.Commands;

/// <summary>
/// `embeddash train spec.json`: one training job through the same TrainingService and worker as the web form, in the
/// foreground. The spec is the form's TrainingRequest (property names case-insensitive, enums by name) with
/// "dataset": "&lt;name or id&gt;" in place of the id. Prints the job's figures, then the new embedder ids one per line,
/// last; exits 1 with the reason when the job fails or the input is refused.
/// </summary>
internal static class TrainCommand
{
    private static readonly JsonSerializerOptions SpecJson = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length != 1 || !File.Exists(args[0]))
        {
            Console.Error.WriteLine(args.Length == 1 ? $"Spec file not found: {Path.GetFullPath(args[0])}" : "usage: embeddash train <spec.json>");
            return 2;
        }

        TrainingRequest request;
        string? datasetReference;
        try
        {
            var json = await File.ReadAllTextAsync(args[0]);
            request = JsonSerializer.Deserialize<TrainingRequest>(json, SpecJson) ?? throw new JsonException("The spec is empty.");
            using var doc = JsonDocument.Parse(json);
            datasetReference = doc.RootElement.EnumerateObject().FirstOrDefault(p => p.Name.Equals("dataset", StringComparison.OrdinalIgnoreCase)).Value is { ValueKind: JsonValueKind.String or JsonValueKind.Number } d
                ? d.ToString()
                : null;
        }
        catch (JsonException ex)
        {
            Console.Error.WriteLine($"{args[0]}: not a valid training spec ({ex.Message}).");
            return 2;
        }

        await AssetSetup.EnsureAsync(AppPaths.Root(), new SynchronousProgress(Console.WriteLine));
        await using var services = await CliHost.BuildAsync();
        await services.GetRequiredService<BuiltInDatasetSeeder>().SeedAsync(AppPaths.Root(), CancellationToken.None);
        var known = await services.GetRequiredService<DatasetStore>().ListAsync();
        var dataset = datasetReference is null ? null
            : known.FirstOrDefault(x => x.Id.ToString(CultureInfo.InvariantCulture) == datasetReference)
              ?? known.FirstOrDefault(x => string.Equals(x.Name, datasetReference, StringComparison.OrdinalIgnoreCase));
        if (dataset is null)
        {
            Console.Error.WriteLine(datasetReference is null ? "The spec needs \"dataset\": the dataset's name or id." : $"Unknown dataset '{datasetReference}'. Known: {string.Join(", ", known.Select(x => x.Name))}.");
            return 1;
        }

        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
        TrainingJobEntity job;
        try
        {
            job = await services.GetRequiredService<TrainingService>().StartAsync(request with { DatasetId = dataset.Id }, cancel.Token);
        }
        catch (TrainingInputException ex)
        {
            Console.Error.WriteLine($"Refused: {ex.Message}");
            return 1;
        }

        Console.WriteLine($"Training job {job.Id} \"{job.Name}\" ({job.Method} on {dataset.Name})…");
        await services.GetRequiredService<JobRunner>().RunOneAsync(new JobKey(JobKind.Training, job.Id), cancel.Token);
        var done = (await services.GetRequiredService<TrainingJobStore>().GetAsync(job.Id))!;
        if (done.Status != RunStatus.Done)
        {
            Console.Error.WriteLine($"Training job {job.Id} {done.Status}: {done.Error ?? done.ProgressMessage}");
            return 1;
        }

        if (done.ResultJson is { } result)
        {
            using var figures = JsonDocument.Parse(result);
            foreach (var figure in figures.RootElement.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Number))
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{figure.Name}: {figure.Value.GetDouble():0.####}"));
            }

            foreach (var note in figures.RootElement.TryGetProperty("notes", out var notes) ? notes.EnumerateArray() : default)
            {
                Console.WriteLine("note: " + note.GetString());
            }
        }

        foreach (var id in (done.ProducedEmbedderIds ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            Console.WriteLine(id);
        }

        return 0;
    }
}
