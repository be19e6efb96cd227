using System.Globalization;
using EmbedDashboard.Core.Embeddings;
using EmbedDashboard.Inference.Import;
using EmbedDashboard.Runner.Models;
using Microsoft.Extensions.DependencyInjection;

namespace EmbedDashboard.Cli.Commands;

/// <summary>
/// `embeddash models add PATH --name NAME [--task-specific] [--pooling mean|cls|max] [--max-tokens N]
/// [--query-prefix TEXT] [--passage-prefix TEXT] [--source TEXT] [--licence TEXT]`, `models list`, `models remove ID`:
/// the same <see cref="ModelLibrary"/> as the Models page. `add` prints the new embedder's id as its last line.
/// </summary>
internal static class ModelsCommand
{
    private const string Usage = """
        usage: embeddash models add PATH --name NAME [--task-specific] [--pooling mean|cls|max] [--max-tokens N]
                                [--query-prefix TEXT] [--passage-prefix TEXT] [--source TEXT] [--licence TEXT]
               embeddash models list
               embeddash models remove ID
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        switch (args.FirstOrDefault())
        {
            case "add" when args.Length >= 2:
                return await AddAsync(args[1], args[2..]);
            case "list":
                return await ListAsync();
            case "remove" when args.Length == 2:
                return await RemoveAsync(args[1]);
            default:
                Console.Error.WriteLine(Usage);
                return 2;
        }
    }

    private static async Task<int> AddAsync(string path, string[] options)
    {
        ModelImportRequest request;
        try
        {
            request = Parse(path, options);
        }
        catch (FormatException ex)
        {
            Console.Error.WriteLine(ex.Message);
            Console.Error.WriteLine(Usage);
            return 2;
        }

        await using var services = await CliHost.BuildAsync();
        try
        {
            var manifest = await services.GetRequiredService<ModelLibrary>().ImportAsync(request, new SynchronousProgress(Console.WriteLine));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Imported {manifest.DisplayName}: {manifest.Format}, {manifest.Dimension}-d, {(manifest.IsGeneral ? "general" : "task-specific")}; {manifest.Conversion} in {manifest.ConversionSeconds:0.0} s."));
            foreach (var note in manifest.Notes) Console.WriteLine("note: " + note);
            Console.WriteLine(manifest.Id);
            return 0;
        }
        catch (ModelImportException ex)
        {
            Console.Error.WriteLine($"Not imported: {ex.Message} Nothing was registered.");
            return 1;
        }
    }

    internal static ModelImportRequest Parse(string path, string[] args)
    {
        string? name = null, source = null, licence = null, query = null, passage = null;
        Pooling? pooling = null;
        int? maxTokens = null;
        var taskSpecific = false;
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new FormatException($"{args[i]} needs a value.");
            switch (args[i])
            {
                case "--name": name = Value(); break;
                case "--task-specific": taskSpecific = true; break;
                case "--general": taskSpecific = false; break;
                case "--pooling":
                    var p = Value();
                    pooling = Enum.TryParse<Pooling>(p, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed : throw new FormatException($"--pooling must be mean, cls or max (got '{p}').");
                    break;
                case "--max-tokens":
                    var m = Value();
                    maxTokens = int.TryParse(m, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : throw new FormatException($"--max-tokens must be a whole number (got '{m}').");
                    break;
                case "--query-prefix": query = Value(); break;
                case "--passage-prefix": passage = Value(); break;
                case "--source": source = Value(); break;
                case "--licence" or "--license": licence = Value(); break;
                default: throw new FormatException($"Unknown option '{args[i]}'.");
            }
        }

        return new ModelImportRequest
        {
            Path = path,
            DisplayName = name ?? throw new FormatException("--name NAME is required."),
            TaskSpecific = taskSpecific,
            Pooling = pooling,
            MaxTokens = maxTokens,
            QueryPrefix = query,
            PassagePrefix = passage,
            Source = source,
            License = licence,
        };
    }

    private static async Task<int> ListAsync()
    {
        await using var services = await CliHost.BuildAsync();
        foreach (var e in services.GetRequiredService<ModelLibrary>().Installed)
        {
            var sha = e.ModelFileSha256.Length >= 12 ? e.ModelFileSha256[..12] : e.ModelFileSha256;
            Console.WriteLine(string.Join('\t', e.Id, e.DisplayName, e.Kind, e.IsGeneral ? "general" : "task-specific",
                e.Dimension.ToString(CultureInfo.InvariantCulture), sha, e.Origin));
        }

        return 0;
    }

    private static async Task<int> RemoveAsync(string id)
    {
        await using var services = await CliHost.BuildAsync();
        var outcome = await services.GetRequiredService<ModelLibrary>().RemoveAsync(id);
        (outcome.Removed ? Console.Out : Console.Error).WriteLine(outcome.Message);
        return outcome.Removed ? 0 : 1;
    }
}
