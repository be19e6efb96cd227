namespace EmbedDashboard.Inference.Setup;

/// <summary>Where set-up puts each installed model under models/ (and the registry looks for it).</summary>
public static class ModelLayout
{
    public const string MiniLmId = "minilm-l6-v2";
    public const string GloveId = "glove-6b-100d";
    public const string ArcticId = "arctic-embed-xs";

    /// <summary>all-MiniLM-L6-v2 with int8 linear layers, exported here from MiniLM's own weights.</summary>
    public const string MiniLmInt8Id = "minilm-l6-v2-int8";

    /// <summary>Written last by each set-up step; its presence is the whole "already done" check.</summary>
    public const string CompleteMarker = ".complete";

    public const string OnnxFileName = "model.onnx";
    public const string VocabFileName = "vocab.txt";
    public const string GloveFileName = "vectors.edvec";

    public static string MiniLmDirectory(string modelsDirectory) => Path.Combine(modelsDirectory, MiniLmId);

    public static string MiniLmModel(string modelsDirectory) => Path.Combine(MiniLmDirectory(modelsDirectory), OnnxFileName);

    public static string MiniLmVocab(string modelsDirectory) => Path.Combine(MiniLmDirectory(modelsDirectory), VocabFileName);

    public static string MiniLmInt8Directory(string modelsDirectory) => Path.Combine(modelsDirectory, MiniLmInt8Id);

    public static string MiniLmInt8Model(string modelsDirectory) => Path.Combine(MiniLmInt8Directory(modelsDirectory), OnnxFileName);

    public static string MiniLmInt8Vocab(string modelsDirectory) => Path.Combine(MiniLmInt8Directory(modelsDirectory), VocabFileName);

    public static string GloveDirectory(string modelsDirectory) => Path.Combine(modelsDirectory, GloveId);

    public static string GloveFile(string modelsDirectory) => Path.Combine(GloveDirectory(modelsDirectory), GloveFileName);

    public static string ArcticDirectory(string modelsDirectory) => Path.Combine(modelsDirectory, ArcticId);

    public static string ArcticModel(string modelsDirectory) => Path.Combine(ArcticDirectory(modelsDirectory), OnnxFileName);

    public static string ArcticVocab(string modelsDirectory) => Path.Combine(ArcticDirectory(modelsDirectory), VocabFileName);

    /// <summary>Verified tarballs (kept, so a re-install needs no network).</summary>
    public static string Cache(string modelsDirectory) => Path.Combine(modelsDirectory, ".cache");

    public static string Lock(string modelsDirectory) => Path.Combine(modelsDirectory, ".setup.lock");

    /// <summary>data/packages/&lt;name&gt;/: dataset packages, extracted unchanged for the built-in converters.</summary>
    public static string DatasetPackage(string dataDirectory, string folderName) => Path.Combine(dataDirectory, "packages", folderName);
}
