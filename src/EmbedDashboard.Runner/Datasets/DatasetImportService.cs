using EmbedDashboard.Core.Access;
using EmbedDashboard.Core.Datasets;
using EmbedDashboard.Core.Datasets.Importers;
using EmbedDashboard.Data.Entities;
using EmbedDashboard.Data.Stores;

namespace EmbedDashboard.Runner.Datasets;

/// <summary>Imports an upload (or a built-in file) and stores it; a bad file throws before anything is saved.</summary>
public sealed class DatasetImportService(DatasetStore store, IUserAccess access)
{
    public async Task<DatasetInfo> ImportAsync(Stream stream, string fileName, ImportFormat format, string? name, CancellationToken cancellationToken = default)
    {
        access.Demand(AppRole.Editor, "import a dataset");
        var imported = DatasetImporter.Import(stream, fileName, format);
        var metadata = new DatasetMetadata(
            string.IsNullOrWhiteSpace(name) ? Path.GetFileNameWithoutExtension(fileName) : name.Trim(),
            imported.Task, format.ToString(), imported.ContentSha256, $"upload: {fileName}", null, IsBuiltIn: false,
            imported.SkippedLines, string.Join(" ", imported.Notes));
        return DatasetCatalog.Info(await SaveAsync(metadata, imported, cancellationToken));
    }

    /// <summary>A training file and a held-out test file as one dataset with train and test splits.</summary>
    public async Task<DatasetInfo> ImportWithTestAsync(Stream train, string trainName, Stream test, string testName, ImportFormat format, string? name, CancellationToken cancellationToken = default)
    {
        access.Demand(AppRole.Editor, "import a dataset");
        var imported = HeldOutSplit.Import(train, trainName, test, testName, format);
        var metadata = new DatasetMetadata(
            string.IsNullOrWhiteSpace(name) ? Path.GetFileNameWithoutExtension(trainName) : name.Trim(),
            imported.Task, format.ToString(), imported.ContentSha256, $"upload: {trainName} (train) + {testName} (test)", null, IsBuiltIn: false,
            imported.SkippedLines, string.Join(" ", imported.Notes));
        return DatasetCatalog.Info(await SaveAsync(metadata, imported, cancellationToken));
    }

    public Task<DatasetEntity> SaveAsync(DatasetMetadata metadata, ImportedDataset imported, CancellationToken cancellationToken = default) => imported.ItemType switch
    {
        var t when t == typeof(LabeledText) => store.SaveAsync(metadata, imported.Items.Cast<LabeledText>().ToList(), cancellationToken),
        var t when t == typeof(ScoredPair) => store.SaveAsync(metadata, imported.Items.Cast<ScoredPair>().ToList(), cancellationToken),
        var t when t == typeof(AnalogyQuestion) => store.SaveAsync(metadata, imported.Items.Cast<AnalogyQuestion>().ToList(), cancellationToken),
        var t when t == typeof(TaggedSentence) => store.SaveAsync(metadata, imported.Items.Cast<TaggedSentence>().ToList(), cancellationToken),
        var t when t == typeof(WordPair) => store.SaveAsync(metadata, imported.Items.Cast<WordPair>().ToList(), cancellationToken),
        var t when t == typeof(FaqPair) => store.SaveAsync(metadata, imported.Items.Cast<FaqPair>().ToList(), cancellationToken),
        var t when t == typeof(QaExample) => store.SaveAsync(metadata, imported.Items.Cast<QaExample>().ToList(), cancellationToken),
        var t => throw new NotSupportedException($"Cannot store items of type {t.Name}."),
    };
}
