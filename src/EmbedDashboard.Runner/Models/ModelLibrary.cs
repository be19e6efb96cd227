using EmbedDashboard.Core.Access;
using EmbedDashboard.Core.Embeddings;
using EmbedDashboard.Data.Stores;
using EmbedDashboard.Inference.Engine;
using EmbedDashboard.Inference.Import;
using Microsoft.Extensions.Options;

namespace EmbedDashboard.Runner.Models;

/// <summary>The answer to "delete this model": done, or why not (a running job's name, a dependent model, built in).</summary>
public sealed record RemovalOutcome(bool Removed, string Message);

/// <summary>
/// What the Models page and `embeddash models` do with the embedders a user manages: add (upload, server folder
/// under a configured import root, or — from the CLI — any local path), list, and remove. Removal never pulls an
/// embedder from under queued or running work; past results keep the name and kind frozen in their runs.
/// </summary>
public sealed class ModelLibrary(
    IEmbedderRegistry registry,
    ImportedModelCatalog imported,
    IEnumerable<IRemovableEmbedders> sources,
    EmbedderUsageStore usage,
    IOptions<ModelsOptions> options,
    IUserAccess access)
{
    public IReadOnlyList<EmbedderInfo> Installed => registry.Installed;

    public IReadOnlyList<string> ImportRoots => options.Value.ImportRoots.Select(Path.GetFullPath).ToList();

    public long MaxUploadBytes => options.Value.MaxUploadBytes;

    public ImportedManifest? ImportedManifest(string id) => imported.Get(id);

    public bool CanRemove(string id) => sources.Any(s => s.Owns(id));

    /// <summary>Imports files already on this machine (an upload staged by the page, or the CLI's PATH).</summary>
    public Task<ImportedManifest> ImportAsync(ModelImportRequest request, IProgress<string>? log = null, CancellationToken cancellationToken = default)
    {
        access.Demand(AppRole.Editor, "import a model");
        return imported.ImportAsync(request, log, cancellationToken);
    }

    /// <summary>A folder named in the browser: only under one of Models:ImportRoots (after resolving links).</summary>
    public Task<ImportedManifest> ImportServerPathAsync(ModelImportRequest request, IProgress<string>? log = null, CancellationToken cancellationToken = default)
    {
        // Reading the server's disk is the owner's call alone, and only under the configured roots.
        access.Demand(AppRole.Owner, "import a model from a server folder");
        RequireUnderImportRoot(request.Path);
        return imported.ImportAsync(request with { ImportedFrom = Path.GetFullPath(request.Path) }, log, cancellationToken);
    }

    public void RequireUnderImportRoot(string path)
    {
        var roots = ImportRoots;
        if (roots.Count == 0)
        {
            throw new ModelImportException("Importing from a server folder is off: no Models:ImportRoots are configured. Upload the files instead, or use `embeddash models add`.");
        }

        var full = Resolve(path);
        if (!roots.Any(root => IsUnder(full, Resolve(root))))
        {
            throw new ModelImportException($"{full} is outside the import roots ({string.Join(", ", roots)}); only folders under them can be imported from the browser.");
        }
    }

    public async Task<RemovalOutcome> RemoveAsync(string id, CancellationToken cancellationToken = default)
    {
        access.Demand(AppRole.Owner, "delete a model");
        var info = registry.Installed.FirstOrDefault(e => e.Id == id);
        if (info is null) return new RemovalOutcome(false, $"No embedder '{id}' is installed.");
        var source = sources.FirstOrDefault(s => s.Owns(id));
        if (source is null) return new RemovalOutcome(false, $"{info.DisplayName} is built in; it cannot be deleted (remove its folder under models/ and it is installed again at set-up).");

        var uses = await usage.ActiveUsesAsync(id, cancellationToken);
        if (uses.Count > 0)
        {
            return new RemovalOutcome(false, $"{info.DisplayName} is in use by {string.Join("; ", uses)}. Wait for it to finish or cancel it, then delete.");
        }

        var dependents = sources.SelectMany(s => s.DependentsOf(id)).ToList();
        if (dependents.Count > 0)
        {
            return new RemovalOutcome(false, $"{info.DisplayName} is the base of {string.Join(", ", dependents)}, which embed through it; delete those first.");
        }

        return source.Remove(id)
            ? new RemovalOutcome(true, $"Deleted {info.DisplayName} ({id}). Past results keep its name and kind.")
            : new RemovalOutcome(false, $"{info.DisplayName} was already gone.");
    }

    /// <summary>The real path: every link on the way is followed, so a link inside a root cannot lead out of it.</summary>
    internal static string Resolve(string path)
    {
        var full = Path.GetFullPath(path);
        var current = Path.GetPathRoot(full)!;
        foreach (var part in full[current.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            var next = Path.Combine(current, part);
            FileSystemInfo info = Directory.Exists(next) ? new DirectoryInfo(next) : new FileInfo(next);
            current = info.LinkTarget is not null && info.ResolveLinkTarget(returnFinalTarget: true) is { } target ? Path.GetFullPath(target.FullName) : next;
        }

        return current;
    }

    private static bool IsUnder(string path, string root)
    {
        var r = root.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        return path.StartsWith(r, StringComparison.Ordinal) || path == root.TrimEnd(Path.DirectorySeparatorChar);
    }
}
