using System.IO.Compression;
using System.Text.Json;
using EmbedDashboard.Inference.Bert;
using EmbedDashboard.Inference.Import;

namespace EmbedDashboard.Inference.Tests.Import;

/// <summary>Every bad folder is refused with its specific reason, and nothing is registered or left under models/imported.</summary>
public sealed class BertFolderRefusalTests
{
    private static async Task<ModelImportException> RefusedAsync(Action<string> spoil, string name = "Bad")
    {
        using var host = new ImportHost();
        var folder = TinyHfFolder.Write(ImportHost.NewFolder(), TinyHfFolder.Weights());
        spoil(folder);
        var before = host.Registry.Installed.Count;

        var ex = await Assert.ThrowsAsync<ModelImportException>(() => host.Catalog.ImportAsync(new ModelImportRequest { Path = folder, DisplayName = name }));

        Assert.Equal(before, host.Registry.Installed.Count);
        Assert.Empty(host.ImportedEntries());
        return ex;
    }

    [Fact]
    public async Task ImportAsync_RobertaConfig_RefusedNamingModelType()
    {
        var ex = await RefusedAsync(f => TinyHfFolder.WriteConfig(f, "roberta"));
        Assert.Contains("model_type 'roberta'", ex.Message);
        Assert.Contains("BERT", ex.Message);
    }

    [Fact]
    public async Task ImportAsync_NoTokenizer_RefusedSayingWhichFilesAreNeeded()
    {
        var ex = await RefusedAsync(f => File.Delete(Path.Combine(f, "tokenizer.json")));
        Assert.Contains("tokenizer.json", ex.Message);
        Assert.Contains("vocab.txt", ex.Message);
    }

    [Fact]
    public async Task ImportAsync_NoWeights_RefusedNamingAcceptedFiles()
    {
        var ex = await RefusedAsync(f => File.Delete(Path.Combine(f, "model.safetensors")));
        Assert.Contains("model.safetensors", ex.Message);
        Assert.Contains("model.onnx", ex.Message);
    }

    [Fact]
    public async Task ImportAsync_OnlyPickledCheckpoint_RefusedNamingIt()
    {
        var ex = await RefusedAsync(f =>
        {
            File.Delete(Path.Combine(f, "model.safetensors"));
            File.WriteAllBytes(Path.Combine(f, "pytorch_model.bin"), [1, 2, 3]);
        });
        Assert.Contains("pytorch_model.bin", ex.Message);
    }

    [Fact]
    public async Task ImportAsync_TruncatedSafetensors_RefusedAsTruncated()
    {
        var ex = await RefusedAsync(f =>
        {
            var path = Path.Combine(f, "model.safetensors");
            var bytes = File.ReadAllBytes(path);
            File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
        });
        Assert.Contains("truncated", ex.Message);
        Assert.Contains("model.safetensors", ex.Message);
    }

    [Fact]
    public async Task ImportAsync_CorruptSafetensorsHeader_RefusedAsNotJson()
    {
        var ex = await RefusedAsync(f =>
        {
            var path = Path.Combine(f, "model.safetensors");
            var bytes = File.ReadAllBytes(path);
            bytes[8] = (byte)'#'; // the header's opening brace
            File.WriteAllBytes(path, bytes);
        });
        Assert.Contains("not valid JSON", ex.Message);
    }

    [Fact]
    public async Task ImportAsync_HeaderLongerThanFile_RefusedWithBothSizes()
    {
        var ex = await RefusedAsync(f => File.WriteAllBytes(Path.Combine(f, "model.safetensors"), [0xFF, 0xFF, 0, 0, 0, 0, 0, 0, (byte)'{', (byte)'}']));
        Assert.Contains("header says 65,535 bytes", ex.Message);
    }

    [Fact]
    public async Task ImportAsync_TensorMissing_RefusedNamingTensor()
    {
        var ex = await RefusedAsync(f => SafetensorsReader.WriteF32(Path.Combine(f, "model.safetensors"),
            TinyHfFolder.Weights().ToTensors().Where(t => t.Name != "encoder.layer.1.output.dense.weight")));
        Assert.Contains("encoder.layer.1.output.dense.weight", ex.Message);
        Assert.Contains("missing", ex.Message);
    }

    [Fact]
    public async Task ImportAsync_TensorOfWrongShape_RefusedNamingTensorAndShapes()
    {
        var ex = await RefusedAsync(f => SafetensorsReader.WriteF32(Path.Combine(f, "model.safetensors"),
            TinyHfFolder.Weights().ToTensors().Select(t => t.Name == "embeddings.word_embeddings.weight" ? t with { Shape = [10, 16] } : t)));
        Assert.Contains("embeddings.word_embeddings.weight", ex.Message);
        Assert.Contains("[10,16]", ex.Message);
    }

    [Fact]
    public async Task ImportAsync_DenseModuleAfterPooling_RefusedNamingModule()
    {
        var ex = await RefusedAsync(f =>
        {
            var modules = JsonSerializer.Deserialize<List<Dictionary<string, object>>>(File.ReadAllText(Path.Combine(f, "modules.json")))!;
            modules.Add(new() { ["idx"] = 3, ["name"] = "3", ["path"] = "3_Dense", ["type"] = "sentence_transformers.models.Dense" });
            File.WriteAllText(Path.Combine(f, "modules.json"), JsonSerializer.Serialize(modules));
        });
        Assert.Contains("sentence_transformers.models.Dense", ex.Message);
    }

    [Fact]
    public async Task ImportAsync_VocabularyLargerThanEmbeddingTable_Refused()
    {
        var ex = await RefusedAsync(f =>
        {
            File.Delete(Path.Combine(f, "tokenizer.json"));
            File.WriteAllLines(Path.Combine(f, "vocab.txt"), [.. TinyHfFolder.Vocabulary, "extra", "tokens"]);
        });
        Assert.Contains("vocab_size", ex.Message);
    }

    [Fact]
    public async Task ImportAsync_NameAlreadyTaken_RefusedAndFirstKept()
    {
        using var host = new ImportHost();
        var first = await host.Catalog.ImportAsync(new ModelImportRequest { Path = TinyHfFolder.Write(ImportHost.NewFolder(), TinyHfFolder.Weights()), DisplayName = "Twin" });

        var ex = await Assert.ThrowsAsync<ModelImportException>(() => host.Catalog.ImportAsync(
            new ModelImportRequest { Path = TinyHfFolder.Write(ImportHost.NewFolder(), TinyHfFolder.Weights(3)), DisplayName = "twin" }));

        Assert.Contains("already taken", ex.Message);
        Assert.Equal([first.Id], host.ImportedEntries());
    }

    [Fact]
    public async Task ImportAsync_ZipSlipEntry_Refused()
    {
        using var host = new ImportHost();
        var zip = Path.Combine(Directory.CreateTempSubdirectory().FullName, "evil.zip");
        using (var archive = ZipFile.Open(zip, ZipArchiveMode.Create))
        {
            using var writer = new StreamWriter(archive.CreateEntry("../../escaped.txt").Open());
            writer.Write("x");
        }

        var ex = await Assert.ThrowsAsync<ModelImportException>(() => host.Catalog.ImportAsync(new ModelImportRequest { Path = zip, DisplayName = "Evil" }));

        Assert.Contains("outside", ex.Message);
        Assert.Empty(host.ImportedEntries());
    }

    [Fact]
    public async Task ImportAsync_ZipBomb_RefusedAtTheLimit()
    {
        using var host = new ImportHost(maxImportBytes: 1 << 20);
        var zip = Path.Combine(Directory.CreateTempSubdirectory().FullName, "bomb.zip");
        using (var archive = ZipFile.Open(zip, ZipArchiveMode.Create))
        {
            using var stream = archive.CreateEntry("vectors.txt", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1 << 20];
            for (var i = 0; i < 20; i++) stream.Write(zeros); // 20 MB of zeros, ~20 KB compressed
        }

        var ex = await Assert.ThrowsAsync<ModelImportException>(() => host.Catalog.ImportAsync(new ModelImportRequest { Path = zip, DisplayName = "Bomb" }));

        Assert.Contains("import limit", ex.Message);
        Assert.Empty(host.ImportedEntries());
    }

    [Fact]
    public async Task ImportAsync_MissingPath_RefusedNamingIt()
    {
        using var host = new ImportHost();
        var path = Path.Combine(Path.GetTempPath(), "no-such-model-" + Guid.NewGuid().ToString("N"));

        var ex = await Assert.ThrowsAsync<ModelImportException>(() => host.Catalog.ImportAsync(new ModelImportRequest { Path = path, DisplayName = "None" }));

        Assert.Contains(path, ex.Message);
    }
}
