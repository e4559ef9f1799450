namespace FakeAI.Bounds.Generators.Emitting;

/// <summary>The generator's identity as stamped on generated code by <c>[GeneratedCode]</c>.</summary>
internal static class GeneratorInfo
{
    public const string Version = "0.1.0";
}
