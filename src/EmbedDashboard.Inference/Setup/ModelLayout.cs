namespace EmbedDashboard.Inference.Setup;

/// <summary>Where set-up puts each installed model under models/.</summary>
public static class ModelLayout
{
    public const string MiniLmId = "minilm-l6-v2";
    public const string GloveId = "glove-6b-100d";
    public const string CompleteMarker = ".complete";

    public static string MiniLmDirectory(string modelsDirectory) => Path.Combine(modelsDirectory, MiniLmId);

    public static string GloveDirectory(string modelsDirectory) => Path.Combine(modelsDirectory, GloveId);

    public static string GloveFile(string modelsDirectory) => Path.Combine(GloveDirectory(modelsDirectory), "vectors.edvec");

    public static string Cache(string modelsDirectory) => Path.Combine(modelsDirectory, ".cache");
}
