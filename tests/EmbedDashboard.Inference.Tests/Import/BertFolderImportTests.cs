using System.IO.Compression;
using EmbedDashboard.Core.Embeddings;
using EmbedDashboard.Inference.Bert;
using EmbedDashboard.Inference.Import;

namespace EmbedDashboard.Inference.Tests.Import;

public sealed class BertFolderImportTests
{
    private const string Sentence = "the cat sat on the mat";

    private static float[] ReferencePooled(BertWeights weights, string text, Pooling pooling)
    {
        var ids = TinyHfFolder.Ids(text);
        var hidden = new BertReferenceModel(weights).Forward(ids, ids.Select(_ => 1L).ToArray());
        var h = TinyHfFolder.Config.HiddenSize;
        var v = new float[h];
        for (var t = 0; t < ids.Length; t++)
        {
            for (var i = 0; i < h; i++)
            {
                var x = hidden[t * h + i];
                v[i] = pooling switch
                {
                    Pooling.Cls => t == 0 ? x : v[i],
                    Pooling.Max => t == 0 ? x : Math.Max(v[i], x),
                    _ => v[i] + x / ids.Length,
                };
            }
        }

        var norm = MathF.Sqrt(v.Sum(x => x * x));
        return v.Select(x => x / norm).ToArray();
    }

    private static async Task<float[]> EmbedAsync(ImportHost host, string id, string text = Sentence) =>
        (await host.Registry.Get(id).EmbedAsync([text], EmbedOptions.Default)).Data;

    private static void AssertClose(float[] expected, float[] actual, double tolerance = 1e-4)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++) Assert.True(Math.Abs(expected[i] - actual[i]) < tolerance, $"element {i}: {expected[i]} vs {actual[i]}");
    }

    [Theory]
    [InlineData("cls", Pooling.Cls)]
    [InlineData("mean", Pooling.Mean)]
    [InlineData("max", Pooling.Max)]
    public async Task ImportAsync_SentenceTransformersFolder_PoolsAsModulesSayAndMatchesReference(string mode, Pooling pooling)
    {
        using var host = new ImportHost();
        var weights = TinyHfFolder.Weights();
        var folder = TinyHfFolder.Write(ImportHost.NewFolder(), weights, pooling: mode);

        var manifest = await host.Catalog.ImportAsync(new ModelImportRequest { Path = folder, DisplayName = "Tiny " + mode });

        Assert.Equal(pooling, manifest.Profile!.Pooling);
        Assert.True(manifest.Profile.Normalize);
        Assert.Equal(24, manifest.Profile.MaxTokens); // sentence_bert_config.json's max_seq_length
        Assert.True(manifest.Profile.LowerCase); // tokenizer.json's BertNormalizer
        Assert.Equal(ImportedFormat.BertEncoder, manifest.Format);
        AssertClose(ReferencePooled(weights, Sentence, pooling), await EmbedAsync(host, manifest.Id));
        var info = host.Registry.Installed.Single(e => e.Id == manifest.Id);
        Assert.True(info.IsGeneral);
        Assert.Equal(EmbedderOrigin.Imported, info.Origin);
        Assert.Equal(manifest.MainFileSha256, info.ModelFileSha256);
        Assert.Contains(manifest.Files, f => f.Name == "model.onnx" && f.Sha256 == manifest.MainFileSha256);
    }

    [Fact]
    public async Task ImportAsync_OnnxFolderWithoutSafetensors_UsesOnnxAsIsWithSameVectors()
    {
        using var host = new ImportHost();
        var weights = TinyHfFolder.Weights();
        var folder = TinyHfFolder.Write(ImportHost.NewFolder(), weights);
        File.Delete(Path.Combine(folder, "model.safetensors"));
        BertOnnxExporter.Export(weights, Path.Combine(folder, "onnx", "model.onnx"));

        var manifest = await host.Catalog.ImportAsync(new ModelImportRequest { Path = folder, DisplayName = "Tiny ONNX" });

        Assert.Contains("used as it is", manifest.Conversion);
        AssertClose(ReferencePooled(weights, Sentence, Pooling.Cls), await EmbedAsync(host, manifest.Id));
    }

    [Fact]
    public async Task ImportAsync_ShardedBertPrefixedCheckpointWithVocabTxt_Imports()
    {
        using var host = new ImportHost();
        var weights = TinyHfFolder.Weights(seed: 5);
        var folder = ImportHost.NewFolder();
        Directory.CreateDirectory(folder);
        TinyHfFolder.WriteConfig(folder);
        File.WriteAllText(Path.Combine(folder, "vocab.txt"), string.Join("\r\n", TinyHfFolder.Vocabulary) + "\r\n"); // CRLF, as some packages ship
        var tensors = weights.ToTensors().Select(t => t with { Name = "bert." + t.Name }).ToList();
        SafetensorsReader.WriteF32(Path.Combine(folder, "model-00001-of-00002.safetensors"), tensors.Take(10));
        SafetensorsReader.WriteF32(Path.Combine(folder, "model-00002-of-00002.safetensors"), tensors.Skip(10));
        var map = tensors.Select((t, i) => (t.Name, File: i < 10 ? "model-00001-of-00002.safetensors" : "model-00002-of-00002.safetensors")).ToDictionary(x => x.Name, x => x.File);
        File.WriteAllText(Path.Combine(folder, "model.safetensors.index.json"), System.Text.Json.JsonSerializer.Serialize(new { metadata = new { }, weight_map = map }));

        var manifest = await host.Catalog.ImportAsync(new ModelImportRequest { Path = folder, DisplayName = "Sharded", TaskSpecific = true });

        Assert.Equal(Pooling.Mean, manifest.Profile!.Pooling); // no modules.json: mean, as sentence-transformers assumes
        Assert.False(host.Registry.Installed.Single(e => e.Id == manifest.Id).IsGeneral);
        AssertClose(ReferencePooled(weights, Sentence, Pooling.Mean), await EmbedAsync(host, manifest.Id));
    }

    [Fact]
    public async Task ImportAsync_ZipOfFolder_ImportsAndRecordsPrefixesAndOverrides()
    {
        using var host = new ImportHost();
        var folder = TinyHfFolder.Write(ImportHost.NewFolder("tiny-model"), TinyHfFolder.Weights());
        var zip = Path.Combine(Path.GetDirectoryName(folder)!, "tiny.zip");
        ZipFile.CreateFromDirectory(folder, zip, CompressionLevel.Fastest, includeBaseDirectory: true);

        var manifest = await host.Catalog.ImportAsync(new ModelImportRequest
        {
            Path = zip, DisplayName = "Zipped", Pooling = Pooling.Mean, MaxTokens = 16, QueryPrefix = "query: ", PassagePrefix = "passage: ",
        });

        Assert.Equal(new EncoderProfile(Pooling.Mean, true, 16, "query: ", "passage: ", true), manifest.Profile);
        var embedder = host.Registry.Get(manifest.Id);
        var asQuery = await embedder.EmbedAsync(["the cat"], EmbedOptions.Default with { Role = TextRole.Query });
        var prefixed = await embedder.EmbedAsync(["query: the cat"], EmbedOptions.Default);
        Assert.Equal(prefixed.Data, asQuery.Data);
        Assert.Contains(manifest.SourceFiles, f => f.Name == "tiny.zip");
        Assert.Equal(zip, manifest.ImportedFrom); // the file the user named, not the folder it was unpacked into
    }

    [Fact]
    public async Task LoadAll_AfterRestart_RegistersImportedModelWithSameVectors()
    {
        string models, id;
        float[] before;
        using (var first = new ImportHost())
        {
            models = first.Models;
            id = (await first.Catalog.ImportAsync(new ModelImportRequest { Path = TinyHfFolder.Write(ImportHost.NewFolder(), TinyHfFolder.Weights()), DisplayName = "Kept" })).Id;
            before = await EmbedAsync(first, id);
        }

        using var second = new ImportHost(models);

        Assert.Equal("Kept", second.Registry.Installed.Single(e => e.Id == id).DisplayName);
        Assert.Equal(before, await EmbedAsync(second, id));
    }

    [Fact]
    public async Task Remove_ImportedModel_UnregistersAndDeletesFolder()
    {
        using var host = new ImportHost();
        var id = (await host.Catalog.ImportAsync(new ModelImportRequest { Path = TinyHfFolder.Write(ImportHost.NewFolder(), TinyHfFolder.Weights()), DisplayName = "Gone" })).Id;

        Assert.True(host.Catalog.Remove(id));

        Assert.DoesNotContain(host.Registry.Installed, e => e.Id == id);
        Assert.Empty(host.ImportedEntries());
    }

    [Theory]
    [InlineData("My BioBERT (v1.1)", "my-biobert-v1-1")]
    [InlineData("  ", "imported")]
    [InlineData("Modèle général", "modèle-général")]
    public void Slug_DisplayName_ReadableId(string name, string expected) => Assert.Equal(expected, ImportedModelCatalog.Slug(name));
}
