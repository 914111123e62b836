// PDFBox's ExtractText over many PDFs in one JVM (a JVM per file costs ~2 s): the same PDFTextStripper with
// the same settings, so each output is what `ExtractText [-sort] FILE.pdf` writes.
// usage: java -cp PDFBOX_JARS PdfboxBatch.java plain|sort OUTDIR FILE.pdf...   (OUTDIR/STEM.txt each)
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

public class PdfboxBatch {
    public static void main(String[] args) throws Exception {
        boolean sort = args[0].equals("sort");
        Path out = Path.of(args[1]);
        for (int i = 2; i < args.length; i++) {
            File pdf = new File(args[i]);
            String stem = pdf.getName().replaceFirst("\\.pdf$", "");
            try (PDDocument doc = PDDocument.load(pdf)) {
                PDFTextStripper stripper = new PDFTextStripper();
                stripper.setSortByPosition(sort);
                Files.writeString(out.resolve(stem + ".txt"), stripper.getText(doc), StandardCharsets.UTF_8);
            } catch (Exception e) {
                System.err.println(pdf + ": " + e);
            }
        }
    }
}
