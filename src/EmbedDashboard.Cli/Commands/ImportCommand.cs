using EmbedDashboard.Core.Datasets;
using EmbedDashboard.Core.Datasets.Importers;
using EmbedDashboard.Runner.Datasets;
using Microsoft.Extensions.DependencyInjection;

namespace EmbedDashboard.Cli.Commands;

/// <summary>
/// `embeddash import <file|folder> [--test TESTFILE] [--format F] [--name N]`: the same importer and store as an upload in
/// the browser. A folder imports every file whose format can be told from its name; each file stands or
/// falls alone (a broken one is reported and skipped, the others are kept).
/// </summary>
internal static class ImportCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length == 1 && Directory.Exists(args[0]))
        {
            var failures = 0;
            foreach (var file in Directory.GetFiles(args[0]).Where(f => DatasetImporter.Guess(f) is not null).Order(StringComparer.Ordinal))
            {
                failures += await RunAsync([file]) == 0 ? 0 : 1;
            }

            return failures == 0 ? 0 : 1;
        }

        if (args.Length == 0 || !File.Exists(args[0]))
        {
            Console.Error.WriteLine(args.Length == 0 ? "usage: embeddash import <file|folder> [--test TESTFILE] [--format F] [--name N]" : $"File not found: {Path.GetFullPath(args[0])}");
            return 2;
        }

        string? Option(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        var formatText = Option("--format");
        ImportFormat? format = formatText is null ? DatasetImporter.Guess(args[0]) : Enum.TryParse<ImportFormat>(formatText, true, out var f) ? f : null;
        if (format is null)
        {
            Console.Error.WriteLine($"Unknown or unguessable format; use --format with one of: {string.Join(", ", Enum.GetNames<ImportFormat>())}.");
            return 2;
        }

        var testFile = Option("--test");
        if (testFile is not null && !File.Exists(testFile))
        {
            Console.Error.WriteLine($"Test file not found: {Path.GetFullPath(testFile)}");
            return 2;
        }

        await using var services = await CliHost.BuildAsync();
        try
        {
            await using var stream = File.OpenRead(args[0]);
            var importer = services.GetRequiredService<DatasetImportService>();
            EmbedDashboard.Core.Datasets.DatasetInfo dataset;
            if (testFile is null)
            {
                dataset = await importer.ImportAsync(stream, Path.GetFileName(args[0]), format.Value, Option("--name"));
            }
            else
            {
                await using var test = File.OpenRead(testFile);
                dataset = await importer.ImportWithTestAsync(stream, Path.GetFileName(args[0]), test, Path.GetFileName(testFile), format.Value, Option("--name"));
            }

            Console.WriteLine($"Imported dataset {dataset.Id} \"{dataset.Name}\": {dataset.Task}, {dataset.ItemCount:N0} items. {dataset.Notes}");
            return 0;
        }
        catch (DatasetFormatException ex)
        {
            Console.Error.WriteLine(ex.Message + " Nothing was imported.");
            return 1;
        }
    }
}

