package cn.gov.eqq.govinfo.platform.input;

import cn.gov.eqq.govinfo.platform.problem.ApiProblem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * The file name of every uploaded part, before any controller sees it: at most {@value #MAX_FILE_NAME_LENGTH}
 * characters and {@link TextRule} (no NUL, no control or direction characters). A refused name is a 400 problem
 * about the file name, for every upload endpoint of every service.
 */
public class MultipartRules implements HandlerInterceptor {

    public static final int MAX_FILE_NAME_LENGTH = 255;

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (request instanceof MultipartHttpServletRequest multipart) {
            for (var entry : multipart.getMultiFileMap().entrySet()) {
                for (MultipartFile file : entry.getValue()) {
                    check(entry.getKey(), file.getOriginalFilename());
                }
            }
        }
        return true;
    }

    static void check(String part, String fileName) {
        if (fileName == null) {
            return;
        }
        if (fileName.length() > MAX_FILE_NAME_LENGTH) {
            throw ApiProblem.badRequest("file-name.invalid",
                            "文件名过长：不能超过 " + MAX_FILE_NAME_LENGTH + " 个字符，请改短文件名后重新上传")
                    .withField(part, "文件名过长");
        }
        String violation = TextRule.violation(fileName);
        if (violation != null) {
            throw ApiProblem.badRequest("file-name.invalid", "文件名" + violation + "，请改名后重新上传")
                    .withField(part, "文件名" + violation);
        }
    }
}
