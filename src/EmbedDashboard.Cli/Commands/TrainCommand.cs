using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using EmbedDashboard.Core.Jobs;
using EmbedDashboard.Core.Paths;
using EmbedDashboard.Data.Entities;
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
public static class TrainCommand
{
    private static readonly JsonSerializerOptions SpecJson = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length != 1 || !File.Exists(args[0]))
        {
            Console.Error.WriteLine(args.Length == 1 ? $"Spec file not found: {Path.GetFullPath(args[0])}" : "usage: embeddash train <spec.json>");
            return 2;
        }

        await AssetSetup.EnsureAsync(AppPaths.Root(), new SynchronousProgress(Console.WriteLine));
        await using var services = await CliHost.BuildAsync();
        await services.GetRequiredService<BuiltInDatasetSeeder>().SeedAsync(AppPaths.Root(), CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
        return await TrainAsync(args[0], services, Console.Out, Console.Error, cancel.Token);
    }

    /// <summary>The command over given services and writers (the CLI's, or a test host's): same service and job runner as the web form.</summary>
    public static async Task<int> TrainAsync(string specPath, IServiceProvider services, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        TrainingRequest request;
        string? datasetReference;
        try
        {
            var json = await File.ReadAllTextAsync(specPath, cancellationToken);
            request = JsonSerializer.Deserialize<TrainingRequest>(json, SpecJson) ?? throw new JsonException("The spec is empty.");
            using var doc = JsonDocument.Parse(json);
            datasetReference = doc.RootElement.EnumerateObject().FirstOrDefault(p => p.Name.Equals("dataset", StringComparison.OrdinalIgnoreCase)).Value is { ValueKind: JsonValueKind.String or JsonValueKind.Number } d
                ? d.ToString()
                : null;
        }
        catch (JsonException ex)
        {
            await error.WriteLineAsync($"{specPath}: not a valid training spec ({ex.Message}).");
            return 2;
        }

        var known = await services.GetRequiredService<DatasetCatalog>().ListAsync(cancellationToken: cancellationToken);
        var dataset = datasetReference is null ? null
            : known.FirstOrDefault(x => x.Id.ToString(CultureInfo.InvariantCulture) == datasetReference)
              ?? known.FirstOrDefault(x => string.Equals(x.Name, datasetReference, StringComparison.OrdinalIgnoreCase));
        if (dataset is null)
        {
            await error.WriteLineAsync(datasetReference is null ? "The spec needs \"dataset\": the dataset's name or id." : $"Unknown dataset '{datasetReference}'. Known: {string.Join(", ", known.Select(x => x.Name))}.");
            return 1;
        }

        var training = services.GetRequiredService<TrainingService>();
        TrainingJobView job;
        try
        {
            job = await training.StartAsync(request with { DatasetId = dataset.Id }, cancellationToken);
        }
        catch (TrainingInputException ex)
        {
            await error.WriteLineAsync($"Refused: {ex.Message}");
            return 1;
        }

        await output.WriteLineAsync($"Training job {job.Id} \"{job.Name}\" ({job.Method} on {dataset.Name})…");
        await services.GetRequiredService<JobRunner>().RunOneAsync(new JobKey(JobKind.Training, job.Id), cancellationToken);
        var done = (await training.GetAsync(job.Id, CancellationToken.None))!;
        if (done.Status != RunStatus.Done)
        {
            await error.WriteLineAsync($"Training job {job.Id} {done.Status}: {done.Error ?? done.ProgressMessage}");
            return 1;
        }

        if (done.ResultJson is { } result)
        {
            using var figures = JsonDocument.Parse(result);
            foreach (var figure in figures.RootElement.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Number))
            {
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{figure.Name}: {figure.Value.GetDouble():0.####}"));
            }

            foreach (var note in figures.RootElement.TryGetProperty("notes", out var notes) && notes.ValueKind == JsonValueKind.Array ? notes.EnumerateArray() : default)
            {
                await output.WriteLineAsync("note: " + note.GetString());
            }
        }

        foreach (var id in done.Produced)
        {
            await output.WriteLineAsync(id);
        }

        return 0;
    }
}
