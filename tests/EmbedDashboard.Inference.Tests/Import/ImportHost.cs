using EmbedDashboard.Inference.Engine;
using EmbedDashboard.Inference.Import;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace EmbedDashboard.Inference.Tests.Import;

/// <summary>A registry and import catalogue over a temporary models folder, as the app builds them at start.</summary>
internal sealed class ImportHost : IDisposable
{
    public ImportHost(string? models = null, long maxImportBytes = 8L << 30)
    {
        Models = models ?? Directory.CreateTempSubdirectory("embeddash-import-models-").FullName;
        var options = Options.Create(new ModelsOptions { Directory = Models, IntraOpThreads = 1, MaxImportBytes = maxImportBytes });
        Registry = new EmbedderRegistry(options, NullLogger<EmbedderRegistry>.Instance);
        Catalog = new ImportedModelCatalog(Registry, options, NullLogger<ImportedModelCatalog>.Instance);
        Catalog.LoadAll();
    }

    public string Models { get; }
    public EmbedderRegistry Registry { get; }
    public ImportedModelCatalog Catalog { get; }

    public string ImportedRoot => Path.Combine(Models, "imported");

    /// <summary>Everything under models/imported (none after a refused import).</summary>
    public IReadOnlyList<string> ImportedEntries() =>
        Directory.Exists(ImportedRoot) ? Directory.GetFileSystemEntries(ImportedRoot).Select(p => Path.GetFileName(p)).ToList() : [];

    public static string NewFolder(string name = "src") => Path.Combine(Directory.CreateTempSubdirectory("embeddash-import-src-").FullName, name);

    public void Dispose() => Registry.Dispose();
}
