package cn.gov.eqq.govinfo.intake.item.domain;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AttachmentPolicyTest {

    static final byte[] PDF = "%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF".getBytes(StandardCharsets.US_ASCII);
    static final byte[] PNG = {(byte) 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13};
    static final byte[] EXE = {0x4D, 0x5A, (byte) 0x90, 0, 3, 0, 0, 0};

    private final AttachmentPolicy policy = new AttachmentPolicy(1000, 100, 3);

    @Test
    void pdfDocumentIsAccepted() {
        assertThat(policy.check("会议纪要.pdf", PDF).mediaType()).isEqualTo("application/pdf");
    }

    @Test
    void pngImageIsAccepted() {
        assertThat(policy.check("现场照片.PNG", PNG).kind()).isEqualTo(AttachmentPolicy.Kind.IMAGE);
    }

    @Test
    void programRenamedToPdfIsRefused() {
        assertThatThrownBy(() -> policy.check("通知.pdf", EXE)).isInstanceOf(ItemRuleException.class)
                .hasMessageContaining("不支持的附件类型");
    }

    @Test
    void extensionMustAgreeWithTheContent() {
        assertThatThrownBy(() -> policy.check("照片.jpg", PDF)).isInstanceOf(ItemRuleException.class)
                .hasMessage("附件内容（PDF）与扩展名 .jpg 不符");
    }

    @Test
    void imageOverItsLimitIsRefusedThoughADocumentThatSizeIsFine() {
        byte[] bigPng = Arrays.copyOf(PNG, 101);
        byte[] samePdf = Arrays.copyOf(PDF, 101);
        assertThatThrownBy(() -> policy.check("大图.png", bigPng)).isInstanceOf(ItemRuleException.class)
                .hasMessageContaining("图片不能超过");
        assertThat(policy.check("文档.pdf", samePdf)).isNotNull();
        assertThatThrownBy(() -> policy.check("大文档.pdf", Arrays.copyOf(PDF, 1001)))
                .hasMessageContaining("文档不能超过");
    }

    @Test
    void emptyOrNamelessFilesAreRefused() {
        assertThatThrownBy(() -> policy.check("空.pdf", new byte[0])).hasMessage("附件为空");
        assertThatThrownBy(() -> policy.check("无扩展名", PDF)).hasMessageContaining("缺少扩展名");
    }

    @Test
    void itemTakesOnlyTheConfiguredNumberOfFiles() {
        Item item = ItemFixtures.draftOfA();
        for (int i = 0; i < 3; i++) {
            item = item.attach(ItemFixtures.REPORTER_A, "att-" + i, policy.maxPerItem(), ItemFixtures.T0);
        }
        Item full = item;
        assertThatThrownBy(() -> full.attach(ItemFixtures.REPORTER_A, "att-4", policy.maxPerItem(), ItemFixtures.T0))
                .hasMessage("每条信息最多 3 个附件");
    }
}
