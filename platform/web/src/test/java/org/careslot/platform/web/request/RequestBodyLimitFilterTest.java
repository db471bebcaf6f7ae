package org.careslot.platform.web.request;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RequestBodyLimitFilterTest {

    private final RequestBodyLimitFilter filter = new RequestBodyLimitFilter(100);

    @Test
    void aChunkedBodyFailsOnceMoreThanTheLimitIsRead() {
        MockHttpServletRequest request = chunked(new byte[101]);

        assertThatThrownBy(() -> filter.doFilter(request, new MockHttpServletResponse(),
                (req, res) -> req.getInputStream().readAllBytes()))
                .isInstanceOf(RequestBodyLimitFilter.BodyTooLargeException.class);
    }

    @Test
    void aChunkedBodyWithinTheLimitIsReadWhole() throws Exception {
        MockHttpServletRequest request = chunked(new byte[100]);
        int[] read = new int[1];

        filter.doFilter(request, new MockHttpServletResponse(),
                (req, res) -> read[0] = req.getInputStream().readAllBytes().length);

        assertThat(read[0]).isEqualTo(100);
    }

    @Test
    void aMultipartUploadIsLeftToTheMultipartLimits() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("PUT", "/api/v1/user/me/photo");
        request.setContentType("multipart/form-data; boundary=x");
        request.setContent(new byte[1000]);
        MockHttpServletResponse response = new MockHttpServletResponse();
        boolean[] passed = new boolean[1];

        filter.doFilter(request, response, (req, res) -> passed[0] = true);

        assertThat(passed[0]).isTrue();
        assertThat(response.getStatus()).isEqualTo(200);
    }

    /** A body sent with Transfer-Encoding: chunked has no Content-Length. */
    private static MockHttpServletRequest chunked(byte[] body) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/appointments") {
            @Override
            public long getContentLengthLong() {
                return -1;
            }

            @Override
            public int getContentLength() {
                return -1;
            }
        };
        request.setContentType("application/json");
        request.setContent(body);
        return request;
    }
}
