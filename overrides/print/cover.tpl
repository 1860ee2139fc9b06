<div class="book-cover">
  <p class="book-cover__kicker">An executable study guide</p>
  <h1 class="book-cover__title">{{ config.site_name }}</h1>
  <p class="book-cover__subtitle">AWS Certified Machine Learning – Specialty (MLS-C01)</p>
  <dl class="book-cover__facts">
    <dt>Edition</dt><dd>{{ config.extra.edition_date }}</dd>
    <dt>Built from commit</dt><dd><code>{{ config.extra.edition_commit }}</code></dd>
    <dt>Exam status</dt>
    <dd>Retired on 31 March 2026, according to consistent third-party reports (no AWS page with
      the notice was found). Most of its material is now examined by AWS Certified Machine
      Learning Engineer – Associate (MLA-C01); each chapter names the MLA-C01 task statements
      that cover it.</dd>
    <dt>Online</dt><dd>{{ config.site_url }}</dd>
  </dl>
  <p class="book-cover__note">Every example in this book was executed while the book was built;
    every output and figure under an example is what that run produced.</p>
</div>
